import { z } from 'zod';
import type { Domain } from './contract';
import type { Result } from './result';

/** What a transport tells the core about a call beyond its channel and input. */
export interface CallNature {
  /**
   * The screen asked by itself, not because of the user (a refresh after another desk's change,
   * a poll): the call is answered, but it does not count as the user being there, so a window
   * left open in a busy office still reaches its idle timeout.
   */
  unattended?: boolean;
}

/** What the Electron preload exposes as `window.portier` (and nothing more). */
export interface PortierBridge {
  invoke(channel: string, input: unknown, nature?: CallNature): Promise<Result<unknown>>;
  /** Desktop only: "Save as" with the native dialog; the renderer never names a path. Absent in browser mode. */
  saveFile?(file: SaveFileRequest): Promise<Result<SaveFileOutcome>>;
  /** Desktop only: calls back with the domains changed elsewhere while this window is signed in (shared/data-changes.ts); returns the unsubscribe. */
  onDataChanged?(callback: (domains: Domain[]) => void): () => void;
}

/** The one IPC channel outside the contract: it needs the window, which the core knows nothing of. */
export const SAVE_FILE_CHANNEL = 'portier:save-file';

/** The file types Portier saves (letters as PDF and Word documents). */
export const SAVABLE_TYPES = {
  'application/pdf': { extension: 'pdf', label: 'PDF' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', label: 'Word' },
} as const;

/** About 75 MB of file: a bulk PDF of 10,000 letters is 16 MB. */
const MAX_BASE64 = 100_000_000;

/** A file the renderer got from the core and asks to save: a suggested name (no folders), its type and its bytes. */
export const SaveFileRequest = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(200)
    // A name, not a path: no folder separators, no characters Windows forbids, no control characters, no leading dot.
    .refine((name) => !/[/\\:*?"<>|]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 32) && !name.startsWith('.'), 'This is not a file name.'),
  mimeType: z.enum(Object.keys(SAVABLE_TYPES) as [keyof typeof SAVABLE_TYPES, ...(keyof typeof SAVABLE_TYPES)[]]),
  base64: z.string().max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type SaveFileRequest = z.infer<typeof SaveFileRequest>;

/** Saved where the user chose, or cancelled in the dialog. */
export type SaveFileOutcome = { saved: true; filePath: string } | { saved: false };

/**
 * Browser mode: the same contract over HTTP on 127.0.0.1. The renderer POSTs
 * `{ channel, input }` as JSON to INVOKE_PATH and gets a Result back.
 */
export const INVOKE_PATH = '/api/invoke';
/** The per-launch secret; requests without it are refused with 401. */
export const KEY_HEADER = 'x-portier-key';
/**
 * A signed-in tab's session id. The server issues it in this response header when a call
 * signs the tab in, echoes it while the session lives and sends it empty when the session
 * ended; an id the server did not issue is refused (401, params.transport = 'session').
 */
export const SESSION_HEADER = 'x-portier-session';
/** Sent as "1" on a call the screen made by itself (a refresh, a poll): it does not count as the user being there. */
export const UNATTENDED_HEADER = 'x-portier-unattended';
/** The address printed at start carries the secret in the fragment, which never reaches a server log. */
export const KEY_FRAGMENT = 'key';
