import { newSessionSlot, type SessionSlot } from '../auth/session';

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

/** A session slot for one portal request. */
export function portalSessionSlot(portal: PortalSlot): SessionSlot {
  return { ...newSessionSlot(), portal };
}
