import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../electron/core/activation/account-secrets';
import { startTestCore, errorOf, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, customerWithPassword, portalSlot, signedInCustomer } from '../support/portal';

let t: TestCore;
let now: Date;

beforeEach(async () => {
  now = new Date('2026-12-05T09:00:00.000Z');
  t = await startTestCore({ clock: () => now });
});
afterEach(() => t.close());

const sessionRows = () => t.core.deps.db.selectFrom('portal_session').selectAll().execute();

describe('portal sign-in', () => {
  it('signs a customer in under a new session whose cookie value is stored only as a hash, acting for the default link', async () => {
    const customer = await customerWithPassword(t);
    const slot = portalSlot();
    const outcome = await t.core.portalCall(slot, 'portal-session:sign-in', { username: ' ERIK@example.com ', password: CUSTOMER_PASSWORD });
    expect(outcome).toEqual({ next: 'signed-in', twoStepMethod: null });
    const token = slot.portal?.token ?? '';
    expect(token.length).toBeGreaterThan(30);
    const [row] = await sessionRows();
    expect(row?.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(await sessionRows())).not.toContain(token);
    const me = await t.core.portalCall(slot, 'portal-session:current', {});
    expect(me).toMatchObject({ accountId: customer.accountId, username: 'erik@example.com', organisation: { id: customer.organisationId, name: 'Élan Øresund BV' }, personName: 'Erik Łukasz' });
    expect(me?.permissions).toContain('tickets.read');
    const audit = await t.core.deps.db.selectFrom('audit_log').select(['action', 'via', 'account_id', 'staff_id']).where('action', '=', 'signed-in').execute();
    expect(audit).toEqual([{ action: 'signed-in', via: 'portal', account_id: customer.accountId, staff_id: null }]);
  });

  it('answers an unknown username, a wrong password and a deactivated account alike', async () => {
    const customer = await customerWithPassword(t);
    const unknown = await errorOf(t.core.portalCall(portalSlot(), 'portal-session:sign-in', { username: 'nobody@example.com', password: CUSTOMER_PASSWORD }));
    const wrong = await errorOf(t.core.portalCall(portalSlot(), 'portal-session:sign-in', { username: customer.username, password: 'Wrong-Password-99' }));
    await t.call('portal-accounts:set-active', { id: customer.accountId, active: false });
    const inactive = await errorOf(t.core.portalCall(portalSlot(), 'portal-session:sign-in', { username: customer.username, password: CUSTOMER_PASSWORD }));
    expect([unknown, wrong, inactive].map((e) => [e.code, e.message])).toEqual([
      ['INVALID_CREDENTIALS', 'The username or password is not correct.'],
      ['INVALID_CREDENTIALS', 'The username or password is not correct.'],
      ['INVALID_CREDENTIALS', 'The username or password is not correct.'],
    ]);
    expect(await sessionRows()).toEqual([]);
  });

  it('throttles 40 parallel wrong passwords exactly like 40 sequential ones: 5 free attempts, then RATE_LIMITED', async () => {
    const customer = await customerWithPassword(t);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => errorOf(t.core.portalCall(portalSlot(), 'portal-session:sign-in', { username: customer.username, password: 'Wrong-Password-99' }))),
    );
    const codes = results.map((e) => e.code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(35);
    // Even the right password waits out the lock.
    expect((await errorOf(signedInCustomer(t, customer.username))).code).toBe('RATE_LIMITED');
  });

  it('gives a new session id at every sign-in and ends the slot\'s old session (no fixation)', async () => {
    const customer = await customerWithPassword(t);
    const slot = await signedInCustomer(t, customer.username);
    const first = slot.portal?.token;
    await t.core.portalCall(slot, 'portal-session:sign-in', { username: customer.username, password: CUSTOMER_PASSWORD });
    expect(slot.portal?.token).not.toBe(first);
    expect(await sessionRows()).toHaveLength(1);
    expect(await t.core.portalCall(portalSlot(undefined, first ?? null), 'portal-session:current', {})).toBeNull();
  });

  it('ends every session of the account when its password changes (security stamp), after 30 idle minutes, and after 12 hours', async () => {
    const customer = await customerWithPassword(t);
    const a = await signedInCustomer(t, customer.username);
    await t.call('portal-accounts:set-password', { id: customer.accountId, password: 'Another-Lighthouse-62' });
    expect(await t.core.portalCall(a, 'portal-session:current', {})).toBeNull();

    const b = await signedInCustomer(t, customer.username, 'Another-Lighthouse-62');
    now = new Date(now.getTime() + 29 * 60_000);
    expect(await t.core.portalCall(b, 'portal-session:current', {})).not.toBeNull();
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await t.core.portalCall(b, 'portal-session:current', {})).toBeNull();

    const c = await signedInCustomer(t, customer.username, 'Another-Lighthouse-62');
    for (let i = 0; i < 25; i++) {
      now = new Date(now.getTime() + 29 * 60_000);
      await t.core.portalCall(c, 'portal-session:current', {});
    }
    expect(await t.core.portalCall(c, 'portal-session:current', {})).toBeNull();
  });

  it('signs out: the cookie value no longer signs anyone in', async () => {
    const customer = await customerWithPassword(t);
    const slot = await signedInCustomer(t, customer.username);
    const token = slot.portal?.token ?? null;
    await t.core.portalCall(slot, 'portal-session:sign-out', {});
    expect(slot.portal?.token).toBeNull();
    expect(await t.core.portalCall(portalSlot(undefined, token), 'portal-session:current', {})).toBeNull();
    expect((await errorOf(t.core.portalCall(portalSlot(undefined, token), 'portal-session:sign-out', {}))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses the back office\'s channels to a signed-in customer (UNKNOWN_CHANNEL) and the portal\'s to staff slots', async () => {
    const customer = await customerWithPassword(t);
    const slot = await signedInCustomer(t, customer.username);
    const result = await t.core.portal(slot, 'portal-accounts:list', {});
    expect(result.ok ? null : result.error.code).toBe('UNKNOWN_CHANNEL');
    const staffTry = await t.core.invoke(t.admin, 'portal-session:current', {});
    expect(staffTry.ok ? null : staffTry.error.code).toBe('UNKNOWN_CHANNEL');
  });
});
