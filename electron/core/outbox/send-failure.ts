/** What to do with a mail the server or the network refused. */
export type SendVerdict = { kind: 'retry'; error: string } | { kind: 'fail'; error: string };

interface NodemailerishError {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

/**
 * RFC 5321: 4xx replies are transient, 5xx permanent. Authentication failures are permanent
 * too (retrying only locks the account). Errors without a reply code are network trouble: retry.
 */
export function judgeSendError(error: unknown): SendVerdict {
  const e: NodemailerishError = typeof error === 'object' && error !== null ? error : {};
  const code = typeof e.code === 'string' ? e.code : null;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const text = describeSendError(error);
  if (code === 'EAUTH') return { kind: 'fail', error: text };
  if (responseCode !== null && responseCode >= 500) return { kind: 'fail', error: text };
  if (responseCode !== null && responseCode >= 400) return { kind: 'retry', error: text };
  // A message nodemailer cannot build or address will not build next time either.
  if (code === 'EMESSAGE' || code === 'EENVELOPE') return { kind: 'fail', error: text };
  return { kind: 'retry', error: text };
}

/** The server's reply when there was one, else the error's message; what staff see as last error. */
export function describeSendError(error: unknown): string {
  const e: NodemailerishError = typeof error === 'object' && error !== null ? error : {};
  const response = typeof e.response === 'string' ? e.response : null;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.code === 'string' ? `${e.code}: ` : '';
  return (response ?? `${code}${message}`).slice(0, 1000);
}

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 60 * 60_000 };

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of
 * base * 2^(n-1) (capped), so mails that failed together do not all come back together.
 */
export function retryDelayMs(attempt: number, backoff: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
