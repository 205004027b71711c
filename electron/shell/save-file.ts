import path from 'node:path';
import { SAVABLE_TYPES, SaveFileRequest, type SaveFileOutcome } from '../../shared/bridge';
import type { Result } from '../../shared/result';

/** The native "Save as" dialog, as Electron's dialog.showSaveDialog answers (injected: tests have no Electron). */
export type SaveDialog = (options: { title?: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

export interface SaveFileDeps {
  dialog: SaveDialog;
  writeFile(filePath: string, data: Buffer): Promise<void>;
  /** Where the dialog starts: the user's documents folder. */
  documentsDir: string;
}

/**
 * "Save as" for the desktop app: checks the request, lets the user choose where in the
 * native dialog, and writes the bytes only there. The path never comes from the renderer.
 */
export async function saveFile(input: unknown, deps: SaveFileDeps): Promise<Result<SaveFileOutcome>> {
  const parsed = SaveFileRequest.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: { code: 'VALIDATION', message: 'Portier cannot save this file: its name, type or size is not allowed.' } };
  }
  const { fileName, mimeType, base64 } = parsed.data;
  const type = SAVABLE_TYPES[mimeType];
  const choice = await deps.dialog({
    defaultPath: path.join(deps.documentsDir, fileName),
    filters: [{ name: type.label, extensions: [type.extension] }],
  });
  if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
  try {
    await deps.writeFile(choice.filePath, Buffer.from(base64, 'base64'));
    return { ok: true, value: { saved: true, filePath: choice.filePath } };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { ok: false, error: { code: 'INTERNAL', message: `The file could not be written to ${choice.filePath} (${reason}).` } };
  }
}
