import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';
import { customerWithPassword, signedInCustomer } from '../support/portal';

/**
 * The audit log names the portal account that acted (issue 12, point 8): entries a customer made
 * in the portal carry the account and its username; staff entries carry none.
 */
let t: TestCore;

beforeEach(async () => {
  t = await startTestCore({ clock: () => new Date('2026-12-05T09:00:00.000Z') });
});
afterEach(() => t.close());

const entriesOf = async (accountId: number) => (await t.call('audit:list', { entity: 'portal-account', entityId: accountId })).rows;

describe('the portal account as the actor of audit entries', () => {
  it('names the account for its sign-ins, failed sign-ins and sign-outs, and no account for what staff did', async () => {
    const customer = await customerWithPassword(t);
    const slot = await signedInCustomer(t, customer.username);
    await t.core.portalCall(slot, 'portal-session:sign-out', {});
    await signedInCustomer(t, customer.username, 'Wrong-Password-99').catch(() => undefined);

    const rows = await entriesOf(customer.accountId);
    const portal = rows.filter((r) => r.via === 'portal').map((r) => [r.action, r.accountId, r.accountName, r.staffId]);
    expect(portal).toEqual([
      ['sign-in-failed', customer.accountId, 'erik@example.com', null],
      ['signed-out', customer.accountId, 'erik@example.com', null],
      ['signed-in', customer.accountId, 'erik@example.com', null],
    ]);
    const created = rows.find((r) => r.action === 'created');
    expect(created).toMatchObject({ via: 'app', staffName: 'Ada Administrator', accountId: null, accountName: null });
  });

  it('names the account as it is called now, and a deleted account as its entries named it', async () => {
    const customer = await customerWithPassword(t);
    await signedInCustomer(t, customer.username);
    await t.call('portal-accounts:change-username', { id: customer.accountId, username: 'erik.lukasz@example.com' });
    expect((await entriesOf(customer.accountId)).find((r) => r.action === 'signed-in')).toMatchObject({ accountName: 'erik.lukasz@example.com', label: 'erik@example.com' });

    await t.call('portal-accounts:delete', { id: customer.accountId });
    const signedIn = (await entriesOf(customer.accountId)).find((r) => r.action === 'signed-in');
    expect(signedIn).toMatchObject({ accountId: customer.accountId, accountName: 'erik@example.com', exists: false });
  });
});
