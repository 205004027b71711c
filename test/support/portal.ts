import type { SessionSlot } from '../../electron/core/auth/session';
import { portalSessionSlot } from '../../electron/core/portal-sessions/portal-slot';
import type { TestCore } from './core';

/** A customer's password in tests: passes the default policy. */
export const CUSTOMER_PASSWORD = 'Amber-Lighthouse-61';

/** A portal request's slot from this address (a fresh browser: no cookie yet). */
export const portalSlot = (clientAddress = '203.0.113.7', token: string | null = null): SessionSlot =>
  portalSessionSlot({ token, clientAddress, userAgent: 'vitest' });

/** A portal account of a new organisation (with a person), its password set by staff, ready to sign in. */
export async function customerWithPassword(t: TestCore, username = 'erik@example.com', organisationName = 'Élan Øresund BV') {
  const organisation = await t.call('organisations:create', { name: organisationName });
  const person = await t.call('persons:create', { organisationId: organisation.id, firstName: 'Erik', lastName: 'Łukasz' });
  const group = await t.call('role-groups:create', { name: `Customers of ${organisationName}`, permissions: ['tickets.read', 'tickets.create', 'tickets.comment', 'tickets.accept_reject'] });
  const account = await t.call('portal-accounts:create', { username, links: [{ organisationId: organisation.id, personId: person.id, isDefault: true }], roleGroupIds: [group.id] });
  await t.call('portal-accounts:set-password', { id: account.id, password: CUSTOMER_PASSWORD });
  return { accountId: account.id, organisationId: organisation.id, personId: person.id, roleGroupId: group.id, username };
}

/** Signs a new slot in to the portal as this customer (no two-step). */
export async function signedInCustomer(t: TestCore, username: string, password = CUSTOMER_PASSWORD): Promise<SessionSlot> {
  const slot = portalSlot();
  await t.core.portalCall(slot, 'portal-session:sign-in', { username, password });
  return slot;
}
