/** The scheme and host the desktop serves its renderer from (app://portier/...). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'portier';

/** True for URLs of our own renderer, and nothing else (not app://other, not https://portier). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The part of Electron's IpcMainInvokeEvent the check reads: an interface, so it can be
 * tested in plain Node (ipc.ts passes the real event). senderFrame is null once the
 * frame navigated away or was destroyed.
 */
export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * Only the top frame of a window showing our own renderer may call: an
 * iframe or a page that somehow got navigated elsewhere gets nothing.
 */
export function isTrustedSender(event: SenderLike, isOurs: (url: string) => boolean = isAppUrl): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isOurs(frame.url);
}
