import { z } from 'zod';
import { channel } from '../contract';
import { ById, Id, Timestamp } from './common';

/**
 * One open portal session of an account, as the account page shows it. 'two-step': the right
 * password was given and the second step is still awaited.
 */
export const PortalSessionView = z.strictObject({
  id: Id,
  stage: z.enum(['two-step', 'signed-in']),
  startedAt: Timestamp,
  lastUsedAt: Timestamp,
  /** When it ends whatever its use (the absolute lifetime). */
  endsAt: Timestamp,
  /** The client's address as the portal saw it (behind a trusted proxy: the forwarded one). */
  clientAddress: z.string(),
  /** The browser's User-Agent header, as sent (at most 300 characters). */
  userAgent: z.string(),
});
export type PortalSessionView = z.infer<typeof PortalSessionView>;

/** The back office's view of an account's portal sessions (the portal itself signs in and out in shared/portal-api). */
export const portalAccountSessionsApi = {
  /** The account's open sessions, most recently used first; sessions that timed out or were ended by a password change are not open. */
  'portal-accounts:sessions': channel({ access: 'staff', input: ById, output: z.array(PortalSessionView) }),
  /** Ends every portal session of the account at once (the customer signs in again); audited with how many were open. */
  'portal-accounts:end-sessions': channel({
    access: 'grant',
    input: ById,
    output: z.strictObject({ ended: z.number().int().min(0) }),
    changes: ['portal-accounts', 'audit'],
  }),
} as const;
