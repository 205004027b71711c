/**
 * Where a caller's sign-in lives: one per window in Electron, one per browser tab
 * in browser mode. The core reads and sets it; transports only keep it.
 */
export interface SessionSlot {
  staffId: number | null;
}

export const newSessionSlot = (): SessionSlot => ({ staffId: null });
