import { newSessionSlot, type PortalSlot, type SessionSlot } from '../auth/session';

export type { PortalSlot };

/** A session slot for one portal request. */
export function portalSessionSlot(portal: PortalSlot): SessionSlot {
  return { ...newSessionSlot(), portal };
}
