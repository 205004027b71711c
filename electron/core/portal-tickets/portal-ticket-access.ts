import type { PermissionKey } from '../../../shared/permissions';
import { AppError } from '../../../shared/errors';
import type { Executor } from '../db/connection';
import { accountPermissions } from '../portal-sessions/portal-acting';
import type { PortalAccountPrincipal } from '../principal';
import { explain, type TicketScope } from '../ticket-access/ticket-access';
import { readTicketFacts } from '../ticket-access/ticket-access-repository';
import { portalScope } from '../ticket-access/ticket-view-service';

/**
 * One answer for a ticket that does not exist and one the contact may not see: the same code,
 * message and field, so a customer guessing numbers learns nothing from the difference.
 */
export const noSuchTicket = () => new AppError('NOT_FOUND', 'There is no such ticket.', { fields: { number: { code: 'not_found' } } });

/** Refuses the call unless the account's role groups grant the permission. */
export async function requirePermission(db: Executor, accountId: number, key: PermissionKey): Promise<string[]> {
  const permissions = await accountPermissions(db, accountId);
  if (!permissions.includes(key)) throw new AppError('FORBIDDEN', 'Your account may not do this.', { params: { permission: key } });
  return permissions;
}

/** The refusal of a write on a ticket the contact sees but may not change (a read-only right, or the global read-only setting). */
export const readOnly = () => new AppError('FORBIDDEN', 'Your access to this ticket is read-only.', { params: { reason: 'read_only' } });

/**
 * The ticket by number as the principal's contact may see it, decided by THE access function
 * (explain) on the facts read now, in the caller's transaction when it writes.
 */
export async function visibleTicket(db: Executor, principal: PortalAccountPrincipal, number: number, now: Date): Promise<{ id: number; writable: boolean; scope: TicketScope }> {
  const { scope } = await portalScope(db, principal, now);
  const facts = await readTicketFacts(db, number);
  if (!facts) throw noSuchTicket();
  const verdict = explain(scope, facts);
  if (!verdict.visible) throw noSuchTicket();
  return { id: facts.id, writable: verdict.writable, scope };
}

/** As visibleTicket, and refused unless the contact may change it. */
export async function writableTicket(db: Executor, principal: PortalAccountPrincipal, number: number, now: Date): Promise<{ id: number }> {
  const ticket = await visibleTicket(db, principal, number, now);
  if (!ticket.writable) throw readOnly();
  return ticket;
}
