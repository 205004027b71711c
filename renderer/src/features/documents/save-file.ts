import type { OutputOf } from '../../../../shared/api';
import { SaveFileRequest } from '../../../../shared/bridge';
import { AppError } from '../../../../shared/errors';

/** How "Save as" ended: written where the user chose (desktop), cancelled there, or handed to the browser's download. */
export type SaveOutcome = 'saved' | 'cancelled' | 'downloaded';

/**
 * "Save as" for a file the core made: the desktop app's native dialog when the preload
 * offers it, otherwise a download under the file's own name (browser mode).
 */
export async function saveFile(file: OutputOf<'documents:open'>, win: Window & typeof globalThis = window): Promise<SaveOutcome> {
  const bridge = win.portier;
  if (bridge?.saveFile) {
    const request = SaveFileRequest.parse({ fileName: file.fileName, mimeType: file.mimeType, base64: file.base64 });
    const result = await bridge.saveFile(request);
    if (!result.ok) throw AppError.fromPayload(result.error);
    return result.value.saved ? 'saved' : 'cancelled';
  }
  const bytes = Uint8Array.from(win.atob(file.base64), (c) => c.charCodeAt(0));
  const url = win.URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = win.document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  win.document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => win.URL.revokeObjectURL(url), 60_000);
  return 'downloaded';
}
