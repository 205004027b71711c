import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';
import { customerWithPassword, signedInCustomer } from '../support/portal';

/**
 * The account list's sign-in columns (issue 12, point 8): "Last sign-in" comes from real portal
 * sign-ins and sorts, and "Two-step" says how the account signs in with a second step.
 */
let t: TestCore;
let now: Date;

beforeEach(async () => {
  now = new Date('2026-12-05T09:00:00.000Z');
  t = await startTestCore({ clock: () => now });
});
afterEach(() => t.close());

const list = (sort: 'username' | 'lastSignInAt' = 'username', direction: 'asc' | 'desc' = 'asc') => t.call('portal-accounts:list', { sort, direction });

describe('the account list after portal sign-ins', () => {
  it('shows the time of the last real portal sign-in, and sorts by it (never signed in: first ascending, last descending)', async () => {
    const anna = await customerWithPassword(t, 'anna@example.com', 'Brouwerij De Ster');
    const bram = await customerWithPassword(t, 'bram@example.com', 'Kaasmakerij Lind');
    await customerWithPassword(t, 'cor@example.com', 'Zuivel Zeeland');
    await signedInCustomer(t, bram.username);
    const bramAt = now.toISOString();
    now = new Date(now.getTime() + 3_600_000);
    await signedInCustomer(t, anna.username);
    const annaAt = now.toISOString();

    const rows = (await list()).rows;
    expect(rows.map((r) => [r.username, r.lastSignInAt])).toEqual([
      ['anna@example.com', annaAt],
      ['bram@example.com', bramAt],
      ['cor@example.com', null],
    ]);
    expect((await list('lastSignInAt', 'asc')).rows.map((r) => r.username)).toEqual(['cor@example.com', 'bram@example.com', 'anna@example.com']);
    expect((await list('lastSignInAt', 'desc')).rows.map((r) => r.username)).toEqual(['anna@example.com', 'bram@example.com', 'cor@example.com']);
    expect(await t.call('portal-accounts:get', { id: anna.accountId })).toMatchObject({ lastSignInAt: annaAt });
  });

  it('does not count a password that waits for its second step, nor a failed sign-in, as a sign-in', async () => {
    const customer = await customerWithPassword(t);
    await t.core.deps.db.updateTable('portal_account').set({ two_step_method: 'totp' }).where('id', '=', customer.accountId).execute();
    await signedInCustomer(t, customer.username);
    await signedInCustomer(t, customer.username, 'Wrong-Password-99').catch(() => undefined);
    expect((await list()).rows[0]).toMatchObject({ username: customer.username, lastSignInAt: null });
  });

  it('shows each account\'s two-step method (none, authenticator app, SMS) in the list and on its page', async () => {
    const anna = await customerWithPassword(t, 'anna@example.com', 'Brouwerij De Ster');
    const bram = await customerWithPassword(t, 'bram@example.com', 'Kaasmakerij Lind');
    await customerWithPassword(t, 'cor@example.com', 'Zuivel Zeeland');
    await t.core.deps.db.updateTable('portal_account').set({ two_step_method: 'totp' }).where('id', '=', anna.accountId).execute();
    await t.core.deps.db.updateTable('portal_account').set({ two_step_method: 'sms' }).where('id', '=', bram.accountId).execute();
    expect((await list()).rows.map((r) => [r.username, r.twoStepMethod])).toEqual([
      ['anna@example.com', 'totp'],
      ['bram@example.com', 'sms'],
      ['cor@example.com', null],
    ]);
    expect(await t.call('portal-accounts:get', { id: bram.accountId })).toMatchObject({ twoStepMethod: 'sms', mustChangePassword: false });
  });

  it('offers the Two-step column to the column chooser, shown by default', async () => {
    expect(await t.call('preferences:get-account-columns', {})).toContain('twoStep');
    expect(await t.call('preferences:set-account-columns', { columns: ['username', 'twoStep'] })).toEqual(['username', 'twoStep']);
  });
});
