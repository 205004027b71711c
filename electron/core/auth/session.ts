import type { Via } from '../principal';

/**
 * Where a caller's sign-in lives: one per window in Electron, one per signed-in
 * browser tab in browser mode (under an id the server issued). The core reads and
 * sets it; transports only keep it. The back office's dispatcher resolves the
 * calling principal from it (auth/session-principal.ts).
 */
export interface SessionSlot {
  staffId: number | null;
  /** The staff user's security stamp at sign-in; a newer stamp (password, role, active changed) ends the session. */
  stamp: number | null;
  /** When the session was last used (core clock, ms); idle longer than the setting ends it. */
  lastSeenAt: number | null;
  /** The shell the slot belongs to (default: the desktop app); the command line's calls are audited as such. */
  via?: Via;
  /** Set by the portal's shell only: the customer's sign-in (see portal-sessions/). */
  portal?: PortalSlot;
}

/**
 * What the portal's shell keeps for one request: the session cookie's value (the core finds the
 * session by its hash) and where the request came from. Sign-in and sign-out set `token`; the
 * shell then writes (or clears) the cookie from it.
 */
export interface PortalSlot {
  token: string | null;
  /** The client's address as the shell trusts it (X-Forwarded-For only with --trust-proxy). */
  clientAddress: string;
  userAgent: string;
}

export const newSessionSlot = (via?: Via): SessionSlot => ({ staffId: null, stamp: null, lastSeenAt: null, ...(via ? { via } : {}) });

/** Signs the slot in as this staff user, under their current security stamp. */
export function startSession(slot: SessionSlot, staff: { id: number; security_stamp: number }, now: Date): void {
  slot.staffId = staff.id;
  slot.stamp = staff.security_stamp;
  slot.lastSeenAt = now.getTime();
}

export function endSession(slot: SessionSlot): void {
  slot.staffId = null;
  slot.stamp = null;
  slot.lastSeenAt = null;
}
