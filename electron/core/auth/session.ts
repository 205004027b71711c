/**
 * Where a caller's sign-in lives: one per window in Electron, one per browser tab
 * in browser mode. The core reads and sets it; transports only keep it.
 */
export interface SessionSlot {
  staffId: number | null;
  /** Set by the CLI: what is done in this session is audited as done from the command line. */
  via?: 'cli';
}

export const newSessionSlot = (): SessionSlot => ({ staffId: null });
