import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { portalSessionSlot } from '../../electron/core/portal-sessions/portal-slot';
import { databaseFingerprint, errorOf, signedIn, startTestCore, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, customerWithPassword, signedInCustomer } from '../support/portal';

/**
 * The back office's view of an account's portal sessions (issue 12, point 8): the account page
 * lists the sessions that would still let the customer in, and "End all sessions" signs the
 * customer out everywhere, audited, without touching the password.
 */
let t: TestCore;
let now: Date;

beforeEach(async () => {
  now = new Date('2026-12-05T09:00:00.000Z');
  t = await startTestCore({ clock: () => now });
});
afterEach(() => t.close());

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

/** Signs the customer in from a given address and browser, as the portal's shell does. */
async function signInFrom(username: string, clientAddress: string, userAgent: string) {
  const slot = portalSessionSlot({ token: null, clientAddress, userAgent });
  await t.core.portalCall(slot, 'portal-session:sign-in', { username, password: CUSTOMER_PASSWORD });
  return slot;
}

const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));

describe("an account's portal sessions in the back office", () => {
  it('lists the open sessions, most recently used first, with start, last use, address and browser; none of another account', async () => {
    const erik = await customerWithPassword(t);
    const other = await customerWithPassword(t, 'mila@example.com', 'Kaasmakerij Lind');
    const first = await signInFrom(erik.username, '198.51.100.20', FIREFOX);
    const startedFirst = now.toISOString();
    minutes(5);
    await signInFrom(erik.username, '203.0.113.7', 'vitest');
    await signInFrom(other.username, '192.0.2.1', 'vitest');
    minutes(2);
    // The first session is used again: it becomes the most recent.
    expect(await t.core.portalCall(first, 'portal-session:current', {})).not.toBeNull();

    const sessions = await t.call('portal-accounts:sessions', { id: erik.accountId });
    expect(sessions).toEqual([
      {
        id: expect.any(Number),
        stage: 'signed-in',
        startedAt: startedFirst,
        lastUsedAt: now.toISOString(),
        endsAt: new Date(Date.parse(startedFirst) + 12 * 3_600_000).toISOString(),
        clientAddress: '198.51.100.20',
        userAgent: FIREFOX,
      },
      expect.objectContaining({ stage: 'signed-in', clientAddress: '203.0.113.7', userAgent: 'vitest' }),
    ]);
    expect(await t.call('portal-accounts:sessions', { id: other.accountId })).toEqual([expect.objectContaining({ clientAddress: '192.0.2.1' })]);
  });

  it('does not list sessions that no longer let the customer in: idle too long, ended by a new password, or of a deactivated account', async () => {
    const customer = await customerWithPassword(t);
    await signedInCustomer(t, customer.username);
    expect(await t.call('portal-accounts:sessions', { id: customer.accountId })).toHaveLength(1);
    // 30 idle minutes (the portal's default) end a session, whether or not the customer comes back.
    minutes(31);
    expect(await t.call('portal-accounts:sessions', { id: customer.accountId })).toEqual([]);

    await signedInCustomer(t, customer.username);
    await t.call('portal-accounts:set-password', { id: customer.accountId, password: 'Another-Lighthouse-62' });
    expect(await t.call('portal-accounts:sessions', { id: customer.accountId })).toEqual([]);

    await signedInCustomer(t, customer.username, 'Another-Lighthouse-62');
    expect(await t.call('portal-accounts:sessions', { id: customer.accountId })).toHaveLength(1);
    await t.call('portal-accounts:set-active', { id: customer.accountId, active: false });
    expect(await t.call('portal-accounts:sessions', { id: customer.accountId })).toEqual([]);
  });

  it('lists a session still waiting for the second step as such, and follows the idle timeout from the settings', async () => {
    const customer = await customerWithPassword(t);
    await t.call('session-settings:update', { idleMinutes: 480, portalIdleMinutes: 10, portalAbsoluteHours: 12 });
    await t.core.deps.db.updateTable('portal_account').set({ two_step_method: 'sms' }).where('id', '=', customer.accountId).execute();
    await signedInCustomer(t, customer.username);
    expect(await t.call('portal-accounts:sessions', { id: customer.accountId })).toEqual([expect.objectContaining({ stage: 'two-step' })]);
    minutes(11);
    expect(await t.call('portal-accounts:sessions', { id: customer.accountId })).toEqual([]);
  });

  it('ends every session of the account: each answers "signed out" at once, the password still works, and it is audited', async () => {
    const customer = await customerWithPassword(t);
    const other = await customerWithPassword(t, 'mila@example.com', 'Kaasmakerij Lind');
    const phone = await signedInCustomer(t, customer.username);
    const laptop = await signInFrom(customer.username, '198.51.100.20', FIREFOX);
    const others = await signedInCustomer(t, other.username);
    const stampBefore = await t.core.deps.db.selectFrom('portal_account').select(['security_stamp', 'password_hash']).where('id', '=', customer.accountId).executeTakeFirstOrThrow();

    expect(await t.call('portal-accounts:end-sessions', { id: customer.accountId })).toEqual({ ended: 2 });

    expect(await t.core.portalCall(phone, 'portal-session:current', {})).toBeNull();
    expect(await t.core.portalCall(laptop, 'portal-session:current', {})).toBeNull();
    expect(await t.call('portal-accounts:sessions', { id: customer.accountId })).toEqual([]);
    expect(await t.core.deps.db.selectFrom('portal_session').select('account_id').where('account_id', '=', customer.accountId).execute()).toEqual([]);
    // Nothing else: another account stays signed in, this one's password and stamp are unchanged.
    expect(await t.core.portalCall(others, 'portal-session:current', {})).toMatchObject({ accountId: other.accountId });
    expect(await t.core.deps.db.selectFrom('portal_account').select(['security_stamp', 'password_hash']).where('id', '=', customer.accountId).executeTakeFirstOrThrow()).toEqual(stampBefore);
    const again = await signedInCustomer(t, customer.username);
    expect(await t.core.portalCall(again, 'portal-session:current', {})).toMatchObject({ accountId: customer.accountId });

    const audit = await t.call('audit:list', { entity: 'portal-account', entityId: customer.accountId });
    const ended = audit.rows.find((r) => r.action === 'sessions-ended');
    expect(ended).toMatchObject({ staffName: 'Ada Administrator', accountId: null, via: 'app', label: customer.username, after: { sessionsEnded: 2 } });
  });

  it('ends no session when none is open, and still records that staff asked', async () => {
    const customer = await customerWithPassword(t);
    expect(await t.call('portal-accounts:end-sessions', { id: customer.accountId })).toEqual({ ended: 0 });
    const audit = await t.call('audit:list', { entity: 'portal-account', entityId: customer.accountId });
    expect(audit.rows.filter((r) => r.action === 'sessions-ended').map((r) => r.after)).toEqual([{ sessionsEnded: 0 }]);
  });

  it('answers NOT_FOUND for an account that does not exist, and refuses staff who may not grant access, changing nothing', async () => {
    const customer = await customerWithPassword(t);
    const slot = await signedInCustomer(t, customer.username);
    expect(await errorOf(t.call('portal-accounts:sessions', { id: 999_999 }))).toMatchObject({ code: 'NOT_FOUND', fields: { id: { code: 'not_found' } } });
    expect(await errorOf(t.call('portal-accounts:end-sessions', { id: 999_999 }))).toMatchObject({ code: 'NOT_FOUND' });

    await t.call('staff:create', { name: 'Plain Staff', email: 'plain@example.com', password: 'Quiet-Harbour-72', role: 'staff', mayGrantAccess: false });
    const plain = await signedIn(t.core, 'plain@example.com', 'Quiet-Harbour-72');
    // Any staff user may look (the account page is theirs to read) ...
    expect(await t.call('portal-accounts:sessions', { id: customer.accountId }, plain)).toHaveLength(1);
    // ... but only those who may grant access end sessions.
    const before = await databaseFingerprint(t.core);
    expect((await errorOf(t.call('portal-accounts:end-sessions', { id: customer.accountId }, plain))).code).toBe('FORBIDDEN');
    expect(await databaseFingerprint(t.core)).toBe(before);
    expect(await t.core.portalCall(slot, 'portal-session:current', {})).toMatchObject({ accountId: customer.accountId });
  });
});
