import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, startTestCore, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, customerWithPassword, signedInCustomer } from '../support/portal';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

describe('required actions are enforced in the core, not only by the pages', () => {
  it('while staff ask for a new password, the customer\'s work channels refuse and the password change stays open', async () => {
    const customer = await customerWithPassword(t);
    await t.call('portal-accounts:set-password', { id: customer.accountId, password: CUSTOMER_PASSWORD, mustChangePassword: true });
    const slot = await signedInCustomer(t, customer.username);
    for (const call of [
      t.core.portalCall(slot, 'portal-tickets:list', {}),
      t.core.portalCall(slot, 'portal-tickets:options', {}),
      t.core.portalCall(slot, 'portal-preferences:get', {}),
    ]) {
      expect(await errorOf(call)).toMatchObject({ code: 'FORBIDDEN', message: 'Choose a new password first.' });
    }
    expect(await t.core.portalCall(slot, 'portal-session:current', {})).toMatchObject({ mustChangePassword: true });
    await t.core.portalCall(slot, 'portal-password:change', { currentPassword: CUSTOMER_PASSWORD, password: 'Copper-Harbour-Lantern-73' });
    expect((await t.core.portalCall(slot, 'portal-tickets:list', {})).total).toBe(0);
  });

  it('while a role group requires two-step login and the account has none, its work waits; the two-step channels stay open', async () => {
    const customer = await customerWithPassword(t);
    await t.core.deps.db.updateTable('role_group').set({ requires_two_step: 1 }).where('id', '=', customer.roleGroupId).execute();
    const slot = await signedInCustomer(t, customer.username);
    expect(await errorOf(t.core.portalCall(slot, 'portal-tickets:list', {}))).toMatchObject({ code: 'FORBIDDEN', message: 'Set up two-step login first.' });
    expect(await t.core.portalCall(slot, 'portal-two-step:status', {})).toMatchObject({ method: null });
    await t.core.deps.db.updateTable('role_group').set({ requires_two_step: 0 }).where('id', '=', customer.roleGroupId).execute();
    expect((await t.core.portalCall(slot, 'portal-tickets:list', {})).total).toBe(0);
  });
});
