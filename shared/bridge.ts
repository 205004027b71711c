import type { Result } from './result';

/** What the Electron preload exposes as `window.portier` (and nothing more). */
export interface PortierBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
}

/**
 * Browser mode: the same contract over HTTP on 127.0.0.1. The renderer POSTs
 * `{ channel, input }` as JSON to INVOKE_PATH and gets a Result back.
 */
export const INVOKE_PATH = '/api/invoke';
/** The per-launch secret; requests without it are refused with 401. */
export const KEY_HEADER = 'x-portier-key';
/** A random id per browser tab; the server keeps that tab's sign-in under it. */
export const SESSION_HEADER = 'x-portier-session';
/** The address printed at start carries the secret in the fragment, which never reaches a server log. */
export const KEY_FRAGMENT = 'key';
