import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken, normaliseCode } from '../../electron/core/activation/account-secrets';
import { sendActivations, type IssuedActivation } from '../../electron/core/activation/activation-service';
import { sendSetPasswordLink } from '../../electron/core/activation/password-reset-service';
import { verifyPassword } from '../../electron/core/auth/password-hash';
import type { Actor } from '../../electron/core/context';
import { FORGOT_PASSWORD_FLOOR_MS } from '../../electron/core/portal-passwords/portal-forgot-password';
import { LINK_STATE_MINUTES } from '../../electron/core/portal-passwords/portal-links';
import { databaseFingerprint, errorOf, startWithAccount, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, customerWithPassword, portalSlot, signedInCustomer } from '../support/portal';
import { recordingIssued } from '../support/recording-ports';

let t: TestCore;
let now: Date;
let actor: Actor;
let accountId: number;
const issued: IssuedActivation[] = [];
const NEW_PASSWORD = 'Lantern-Orbit-42';

beforeEach(async () => {
  now = new Date('2026-11-01T10:00:00.000Z');
  issued.length = 0;
  ({ t, actor, accountId } = await startWithAccount(() => now));
});
afterEach(() => t.close());

const portal = <C extends Parameters<TestCore['core']['portalCall']>[1]>(channel: C, input: Parameters<TestCore['core']['portalCall']>[2] & object) =>
  t.core.portalCall(portalSlot(), channel, input as never);
const invite = async () => {
  await sendActivations(recordingIssued(t.core.deps, issued), actor, [accountId]);
  return issued.at(-1) as IssuedActivation;
};
const openActivation = async (token: string) => (await t.core.portalCall(portalSlot(), 'portal-links:open', { kind: 'activation', token })).state;
const activate = (state: string, code: string, password = NEW_PASSWORD) => t.core.portalCall(portalSlot(), 'portal-activation:activate', { state, code, password });
const token = (id: number) => t.core.deps.db.selectFrom('portal_account_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const account = (id = accountId) => t.core.deps.db.selectFrom('portal_account').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const mails = (kind: string) => t.core.deps.db.selectFrom('outbox_mail').select(['account_id', 'to_address']).where('kind', '=', kind).execute();
const wrongCode = (code: string) => (normaliseCode(code) === 'ACDEFGHJKMNP' ? 'PNMKJHGFEDCA' : 'ACDEFGHJKMNP');

describe('opening a link', () => {
  it('checks the token without using it and keeps it sealed under a state only the cookie names', async () => {
    const invitation = await invite();
    const state = await openActivation(invitation.token);
    expect(state).toMatch(/^[\w-]{43}$/);
    const rows = await t.core.deps.db.selectFrom('portal_link_state').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: hashToken(state), kind: 'activation', token_id: invitation.tokenId, expires_at: new Date(now.getTime() + LINK_STATE_MINUTES * 60_000).toISOString() });
    expect(JSON.stringify(rows)).not.toContain(invitation.token);
    expect(JSON.stringify(rows)).not.toContain(state);
    expect(t.core.deps.secretBox.decrypt(rows[0]?.token_enc ?? '')).toBe(invitation.token);
    expect(await token(invitation.tokenId)).toMatchObject({ used_at: null, voided_at: null, failed_attempts: 0 });
    expect(await t.core.portalCall(portalSlot(), 'portal-links:get', { kind: 'activation', state })).toEqual({
      username: 'anna@example.com',
      language: 'en',
      rules: { policy: expect.objectContaining({ minLength: 8 }), context: { username: 'anna@example.com', organisationNames: ['Brouwerij De Ster'] } },
    });
  });

  it('answers an unknown, voided, expired, other-kind or deactivated link alike, and keeps nothing for it', async () => {
    const first = await invite();
    const second = await invite();
    const before = await databaseFingerprint(t.core);
    const refusals = [
      await errorOf(openActivation('x'.repeat(43))),
      await errorOf(openActivation(first.token)),
      await errorOf(t.core.portalCall(portalSlot(), 'portal-links:open', { kind: 'set-password', token: second.token })),
    ];
    now = new Date(Date.parse(second.expiresAt) + 1000);
    refusals.push(await errorOf(openActivation(second.token)));
    now = new Date('2026-11-01T11:00:00.000Z');
    await t.call('portal-accounts:set-active', { id: accountId, active: false });
    const afterDeactivation = await databaseFingerprint(t.core);
    refusals.push(await errorOf(openActivation(second.token)));
    expect(new Set(refusals.map((e) => `${e.code}: ${e.message}`))).toEqual(new Set(['INVALID_TOKEN: This link or code is not valid (any more).']));
    expect(afterDeactivation).not.toBe(before);
    expect(await databaseFingerprint(t.core)).toBe(afterDeactivation);
  });

  it('forgets a state after 15 minutes, and clears expired states when the next link is opened', async () => {
    const invitation = await invite();
    const state = await openActivation(invitation.token);
    now = new Date(now.getTime() + LINK_STATE_MINUTES * 60_000 - 1000);
    await t.core.portalCall(portalSlot(), 'portal-links:get', { kind: 'activation', state });
    now = new Date(now.getTime() + 1000);
    expect((await errorOf(t.core.portalCall(portalSlot(), 'portal-links:get', { kind: 'activation', state }))).code).toBe('INVALID_TOKEN');
    expect((await errorOf(activate(state, invitation.code))).code).toBe('INVALID_TOKEN');
    const fresh = await openActivation(invitation.token);
    const rows = await t.core.deps.db.selectFrom('portal_link_state').select('id').execute();
    expect(rows).toEqual([{ id: hashToken(fresh) }]);
    expect(await token(invitation.tokenId)).toMatchObject({ used_at: null, failed_attempts: 0 });
  });

  it('a state of one kind does not open the other kind’s form', async () => {
    const invitation = await invite();
    const state = await openActivation(invitation.token);
    expect((await errorOf(t.core.portalCall(portalSlot(), 'portal-links:get', { kind: 'set-password', state }))).code).toBe('INVALID_TOKEN');
    expect((await errorOf(portal('portal-password:set', { state, password: NEW_PASSWORD }))).code).toBe('INVALID_TOKEN');
  });
});

describe('activation through an opened link', () => {
  it('activates with the letter’s code as people type it, queues the welcome mail once, and forgets the state', async () => {
    const invitation = await invite();
    const state = await openActivation(invitation.token);
    expect(await activate(state, ` ${normaliseCode(invitation.code).toLowerCase().replace(/(.{4})/g, '$1 ')}`)).toEqual({ username: 'anna@example.com' });
    const row = await account();
    expect(row.activated_at).toBe(now.toISOString());
    expect(await verifyPassword(row.password_hash ?? '', NEW_PASSWORD)).toBe(true);
    expect(await mails('welcome')).toEqual([{ account_id: accountId, to_address: 'anna@example.com' }]);
    expect(await t.core.deps.db.selectFrom('portal_link_state').selectAll().execute()).toEqual([]);
    const audit = await t.core.deps.db.selectFrom('audit_log').select(['action', 'via', 'account_id', 'staff_id']).where('action', '=', 'activated').execute();
    expect(audit).toEqual([{ action: 'activated', via: 'portal', account_id: accountId, staff_id: null }]);

    // The same link again (a second tab, the back button): refused, no second welcome mail.
    const again = await errorOf(activate(await openActivation(invitation.token).catch(() => state), invitation.code));
    expect(again.code).toBe('INVALID_TOKEN');
    expect(await mails('welcome')).toHaveLength(1);
  });

  it('refuses a code of the wrong shape and a weak password without counting an attempt or changing anything', async () => {
    const invitation = await invite();
    const state = await openActivation(invitation.token);
    const before = await databaseFingerprint(t.core);
    const shape = await errorOf(activate(state, 'ABCD-EFGH-IJKL'));
    expect(shape).toMatchObject({ code: 'VALIDATION', fields: { code: { code: 'invalid_format' } } });
    expect((await errorOf(activate(state, `${invitation.code}\u0000`))).fields?.code?.code).toBe('control_character');
    const weak = await errorOf(activate(state, wrongCode(invitation.code), 'short'));
    expect(weak).toMatchObject({ code: 'VALIDATION', fields: { password: { code: 'weak_password' } } });
    expect(weak.params?.problems).toBe('too_short,needs_upper,needs_digit');
    expect((await errorOf(activate(state, invitation.code, 'Lantern\u0007Orbit-42'))).fields?.password?.code).toBe('control_character');
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('voids the token at the 5th wrong code, answering every failure alike', async () => {
    const invitation = await invite();
    const state = await openActivation(invitation.token);
    const errors = [];
    for (let i = 0; i < 5; i++) errors.push(await errorOf(activate(state, wrongCode(invitation.code))));
    errors.push(await errorOf(activate(state, invitation.code)));
    expect(new Set(errors.map((e) => `${e.code}: ${e.message}`))).toEqual(new Set(['INVALID_TOKEN: This link or code is not valid (any more).']));
    expect(await token(invitation.tokenId)).toMatchObject({ failed_attempts: 5, voided_at: now.toISOString(), used_at: null });
    expect((await account()).password_hash).toBeNull();
  });

  it('counts 20 parallel wrong codes as 5: no more guesses are compared once the attempts are used up', async () => {
    const invitation = await invite();
    const state = await openActivation(invitation.token);
    const results = await Promise.all(Array.from({ length: 20 }, () => errorOf(activate(state, wrongCode(invitation.code)))));
    expect(results.every((e) => e.code === 'INVALID_TOKEN')).toBe(true);
    expect(await token(invitation.tokenId)).toMatchObject({ failed_attempts: 5, voided_at: expect.any(String) });
  });

  it('a right code after four wrong ones still activates, and the right one is not counted as a failure', async () => {
    const invitation = await invite();
    const state = await openActivation(invitation.token);
    for (let i = 0; i < 4; i++) await errorOf(activate(state, wrongCode(invitation.code)));
    await activate(state, invitation.code);
    expect(await token(invitation.tokenId)).toMatchObject({ failed_attempts: 4, used_at: now.toISOString(), voided_at: null });
  });
});

describe('set password through an opened link', () => {
  it('sets the password once, ends staff’s must-change, and names the account in the audit log', async () => {
    const customer = await customerWithPassword(t, 'erik@example.com');
    await t.core.deps.db.updateTable('portal_account').set({ must_change_password: 1 }).where('id', '=', customer.accountId).execute();
    await sendSetPasswordLink(t.core.deps, actor, customer.accountId);
    const sealed = await t.core.deps.db.selectFrom('outbox_mail').select('secret_enc').where('kind', '=', 'set-password').executeTakeFirstOrThrow();
    const link = t.core.deps.secretBox.decrypt(sealed.secret_enc ?? '');
    const { state } = await t.core.portalCall(portalSlot(), 'portal-links:open', { kind: 'set-password', token: link });
    expect((await errorOf(portal('portal-password:set', { state, password: 'erik1234' }))).fields?.password?.code).toBe('weak_password');
    expect(await portal('portal-password:set', { state, password: NEW_PASSWORD })).toEqual({ username: 'erik@example.com' });
    const row = await account(customer.accountId);
    expect(row.must_change_password).toBe(0);
    expect(await verifyPassword(row.password_hash ?? '', NEW_PASSWORD)).toBe(true);
    // One for staff's password (customerWithPassword), one for the customer's own.
    expect((await mails('password-changed')).map((m) => m.account_id)).toEqual([customer.accountId, customer.accountId]);
    const audit = await t.core.deps.db.selectFrom('audit_log').select(['via', 'account_id']).where('action', '=', 'password-reset').execute();
    expect(audit).toEqual([{ via: 'portal', account_id: customer.accountId }]);
    expect((await errorOf(portal('portal-password:set', { state, password: 'Another-Orbit-43' }))).code).toBe('INVALID_TOKEN');
    expect((await errorOf(t.core.portalCall(portalSlot(), 'portal-links:open', { kind: 'set-password', token: link }))).code).toBe('INVALID_TOKEN');
  });
});

describe('forgot password', () => {
  const forgot = (username: string) => t.core.portalCall(portalSlot(), 'portal-password:forgot', { username });

  it('mails a link to an active account with a password, audited as the account; nothing to unknown, deactivated or never-activated ones', async () => {
    const customer = await customerWithPassword(t, 'erik@example.com');
    const off = await customerWithPassword(t, 'off@example.com', 'Uit BV');
    await t.call('portal-accounts:set-active', { id: off.accountId, active: false });
    for (const username of [' ERIK@example.com ', 'nobody@example.com', 'off@example.com', 'anna@example.com', 'not an address']) {
      const started = performance.now();
      expect(await forgot(username)).toBeNull();
      expect(performance.now() - started).toBeGreaterThanOrEqual(FORGOT_PASSWORD_FLOOR_MS - 5);
    }
    expect(await mails('set-password')).toEqual([{ account_id: customer.accountId, to_address: 'erik@example.com' }]);
    const audit = await t.core.deps.db.selectFrom('audit_log').select(['action', 'via', 'account_id', 'staff_id']).where('action', '=', 'password-reset-requested').execute();
    expect(audit).toEqual([{ action: 'password-reset-requested', via: 'portal', account_id: customer.accountId, staff_id: null }]);
    const tokens = await t.core.deps.db.selectFrom('portal_account_token').select(['kind', 'created_by']).where('account_id', '=', customer.accountId).execute();
    expect(tokens).toEqual([{ kind: 'set-password', created_by: null }]);
  });

  it('sends at most 5 links per address, then answers the same and sends nothing', async () => {
    const customer = await customerWithPassword(t, 'erik@example.com');
    const answers = await Promise.all(Array.from({ length: 8 }, () => forgot('erik@example.com')));
    expect(answers).toEqual(Array(8).fill(null));
    expect(await mails('set-password')).toHaveLength(5);
    const open = await t.core.deps.db.selectFrom('portal_account_token').select('id').where('account_id', '=', customer.accountId).where('voided_at', 'is', null).execute();
    expect(open).toHaveLength(1);
  });
});

describe('changing the password while signed in', () => {
  it('checks the current password, refuses the same or a weak one, then ends every other session and goes on under a new one', async () => {
    const customer = await customerWithPassword(t, 'erik@example.com');
    await t.core.deps.db.updateTable('portal_account').set({ must_change_password: 1 }).where('id', '=', customer.accountId).execute();
    const here = await signedInCustomer(t, customer.username);
    const elsewhere = await signedInCustomer(t, customer.username);
    const change = (currentPassword: string, password: string) => t.core.portalCall(here, 'portal-password:change', { currentPassword, password });
    expect((await t.core.portalCall(here, 'portal-session:current', {}))?.mustChangePassword).toBe(true);
    expect((await t.core.portalCall(here, 'portal-password:rules', {})).context).toEqual({ username: 'erik@example.com', organisationNames: ['Élan Øresund BV'] });

    expect((await errorOf(change('Wrong-Password-1', NEW_PASSWORD))).fields?.currentPassword?.code).toBe('invalid_value');
    expect((await errorOf(change(CUSTOMER_PASSWORD, CUSTOMER_PASSWORD))).fields?.password?.code).toBe('invalid_value');
    expect((await errorOf(change(CUSTOMER_PASSWORD, 'Erik-Example-1'))).params?.problems).toBe('contains_context');

    const old = here.portal?.token ?? '';
    expect(await change(CUSTOMER_PASSWORD, NEW_PASSWORD)).toBeNull();
    expect(here.portal?.token).not.toBe(old);
    expect(await t.core.portalCall(here, 'portal-session:current', {})).toMatchObject({ accountId: customer.accountId, mustChangePassword: false });
    expect(await t.core.portalCall(elsewhere, 'portal-session:current', {})).toBeNull();
    expect(await t.core.portalCall(portalSlot(undefined, old), 'portal-session:current', {})).toBeNull();
    expect(await t.core.deps.db.selectFrom('portal_session').select('token_hash').execute()).toEqual([{ token_hash: hashToken(here.portal?.token ?? '') }]);
    expect(await verifyPassword((await account(customer.accountId)).password_hash ?? '', NEW_PASSWORD)).toBe(true);
    expect((await mails('password-changed')).map((m) => m.account_id)).toEqual([customer.accountId, customer.accountId]);
    const audit = await t.core.deps.db.selectFrom('audit_log').select(['via', 'account_id', 'staff_id']).where('action', '=', 'password-changed').execute();
    expect(audit).toEqual([{ via: 'portal', account_id: customer.accountId, staff_id: null }]);
  });

  it('counts wrong current passwords on the sign-in throttle', async () => {
    const customer = await customerWithPassword(t, 'erik@example.com');
    const here = await signedInCustomer(t, customer.username);
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await errorOf(t.core.portalCall(here, 'portal-password:change', { currentPassword: 'Wrong-Password-1', password: NEW_PASSWORD }))).code);
    expect(codes).toEqual(['VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION', 'RATE_LIMITED']);
  });
});
