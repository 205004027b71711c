import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxWorker } from '../../electron/core/outbox/outbox-worker';
import { errorOf, startTestCore, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, customerWithPassword, portalSlot, signedInCustomer } from '../support/portal';
import { codeFromNewestSmsFile, giveMobile, totpCode, turnOnTotp } from '../support/two-step';

/** Two-step login through the portal's channels, on a real SQLite file, with a clock the test moves. */
let t: TestCore;
let now: Date;

beforeEach(async () => {
  now = new Date('2026-12-05T09:00:10.000Z');
  t = await startTestCore({ clock: () => now });
});
afterEach(() => t.close());

const db = () => t.core.deps.db;
const auditActions = async (accountId: number) =>
  (await db().selectFrom('audit_log').select('action').where('account_id', '=', accountId).orderBy('id').execute()).map((r) => r.action);
const signInWaiting = async (username: string) => {
  const slot = portalSlot();
  expect(await t.core.portalCall(slot, 'portal-session:sign-in', { username, password: CUSTOMER_PASSWORD })).toMatchObject({ next: 'two-step' });
  return slot;
};
const tick = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

describe('two-step login with an authenticator app', () => {
  it('sets up TOTP with a sealed secret confirmed by one code, then asks for a code at sign-in that signs in once', async () => {
    const customer = await customerWithPassword(t);
    const slot = await signedInCustomer(t, customer.username);
    const started = await t.core.portalCall(slot, 'portal-two-step:start-totp', {});
    const secret = started.pendingTotp?.secret ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.pendingTotp?.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(started.method).toBeNull();
    const stored = await db().selectFrom('portal_account').select(['totp_secret', 'two_step_method']).where('id', '=', customer.accountId).executeTakeFirstOrThrow();
    expect(stored.two_step_method).toBeNull();
    expect(stored.totp_secret).not.toContain(secret);
    expect(t.core.deps.secretBox.decrypt(stored.totp_secret ?? '')).toBe(secret);

    expect((await errorOf(t.core.portalCall(slot, 'portal-two-step:confirm', { method: 'totp', code: '000000' }))).code).toBe('INVALID_CREDENTIALS');
    const { recoveryCodes } = await t.core.portalCall(slot, 'portal-two-step:confirm', { method: 'totp', code: await totpCode(t, secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const hashes = await db().selectFrom('portal_recovery_code').select('code_hash').where('account_id', '=', customer.accountId).execute();
    expect(hashes).toHaveLength(10);
    expect(JSON.stringify(hashes)).not.toContain(recoveryCodes[0]?.replace('-', ''));
    expect(await t.core.portalCall(slot, 'portal-two-step:status', {})).toMatchObject({ method: 'totp', recoveryCodesLeft: 10, pendingTotp: null });

    await t.core.portalCall(slot, 'portal-session:sign-out', {});
    tick(30);
    const waiting = await signInWaiting(customer.username);
    expect(await t.core.portalCall(waiting, 'portal-session:current', {})).toBeNull();
    expect(await t.core.portalCall(waiting, 'portal-session:two-step-challenge', {})).toEqual({ method: 'totp', mobileHint: null, attemptsLeft: 5 });
    expect((await errorOf(t.core.portalCall(waiting, 'portal-two-step:status', {}))).code).toBe('UNAUTHENTICATED');
    const before = (await db().selectFrom('portal_account').select('last_sign_in_at').where('id', '=', customer.accountId).executeTakeFirstOrThrow()).last_sign_in_at;
    tick(5);
    expect(await t.core.portalCall(waiting, 'portal-session:verify-two-step', { code: (await totpCode(t, secret)).replace(/(\d{3})/, '$1 ') })).toEqual({ recoveryCodeUsed: false });
    expect(await t.core.portalCall(waiting, 'portal-session:current', {})).toMatchObject({ accountId: customer.accountId });
    const after = (await db().selectFrom('portal_account').select('last_sign_in_at').where('id', '=', customer.accountId).executeTakeFirstOrThrow()).last_sign_in_at;
    expect(after).not.toBe(before);
    expect(after).toBe(now.toISOString());
    expect(await auditActions(customer.accountId)).toEqual(['signed-in', 'two-step-enabled', 'signed-out', 'signed-in']);
  });

  it('refuses the same code again (RFC 6238 §5.2), in another sign-in too, and takes the next step\'s code', async () => {
    const customer = await customerWithPassword(t);
    const { secret } = await turnOnTotp(t, await signedInCustomer(t, customer.username));
    tick(30);
    const code = await totpCode(t, secret);
    const first = await signInWaiting(customer.username);
    await t.core.portalCall(first, 'portal-session:verify-two-step', { code });
    const second = await signInWaiting(customer.username);
    const replay = await errorOf(t.core.portalCall(second, 'portal-session:verify-two-step', { code }));
    expect(replay.code).toBe('INVALID_CREDENTIALS');
    expect(replay.params).toEqual({ attemptsLeft: 4 });
    expect(await t.core.portalCall(second, 'portal-session:current', {})).toBeNull();
    tick(30);
    await t.core.portalCall(second, 'portal-session:verify-two-step', { code: await totpCode(t, secret) });
    expect(await t.core.portalCall(second, 'portal-session:current', {})).not.toBeNull();
  });

  it('ends the sign-in after 5 wrong codes (counted in SQL, audited), after which even the right code needs the password again', async () => {
    const customer = await customerWithPassword(t);
    const { secret } = await turnOnTotp(t, await signedInCustomer(t, customer.username));
    tick(30);
    const slot = await signInWaiting(customer.username);
    const left: unknown[] = [];
    for (let i = 0; i < 4; i += 1) left.push((await errorOf(t.core.portalCall(slot, 'portal-session:verify-two-step', { code: '123456' }))).params?.attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1]);
    const fifth = await errorOf(t.core.portalCall(slot, 'portal-session:verify-two-step', { code: 'not a code' }));
    expect(fifth.code).toBe('UNAUTHENTICATED');
    expect(slot.portal?.token).toBeNull();
    expect(await db().selectFrom('portal_session').select('id').where('account_id', '=', customer.accountId).where('stage', '=', 'two-step').execute()).toEqual([]);
    expect((await auditActions(customer.accountId)).filter((a) => a.startsWith('two-step-f') || a === 'two-step-locked-out')).toEqual([...Array(5).fill('two-step-failed'), 'two-step-locked-out']);
    expect(await t.core.portalCall(slot, 'portal-session:two-step-challenge', {})).toBeNull();
    expect((await errorOf(t.core.portalCall(slot, 'portal-session:verify-two-step', { code: await totpCode(t, secret) }))).code).toBe('UNAUTHENTICATED');
  });

  it('lets only one of two parallel requests with the same code in, for one sign-in and across two', async () => {
    const customer = await customerWithPassword(t);
    const { secret } = await turnOnTotp(t, await signedInCustomer(t, customer.username));
    tick(30);
    const slot = await signInWaiting(customer.username);
    const code = await totpCode(t, secret);
    // The same cookie twice (a double click): one request signs in; the other finds the code used.
    const twin = portalSlot(undefined, slot.portal?.token ?? null);
    const same = await Promise.allSettled([slot, twin].map((s) => t.core.portalCall(s, 'portal-session:verify-two-step', { code })));
    expect(same.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db().selectFrom('audit_log').select('id').where('account_id', '=', customer.accountId).where('action', '=', 'signed-in').where('at', '=', now.toISOString()).execute()).toHaveLength(1);

    tick(30);
    const a = await signInWaiting(customer.username);
    const b = await signInWaiting(customer.username);
    const next = await totpCode(t, secret);
    const across = await Promise.allSettled([a, b].map((s) => t.core.portalCall(s, 'portal-session:verify-two-step', { code: next })));
    expect(across.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const stages = await db().selectFrom('portal_session').select('stage').where('account_id', '=', customer.accountId).execute();
    // The set-up's session, the double click's, one of the two; the other still waits.
    expect(stages.map((s) => s.stage).sort()).toEqual(['signed-in', 'signed-in', 'signed-in', 'two-step']);
  });
});

describe('recovery codes', () => {
  it('sign in once each, are audited, and a used one is refused like a wrong code', async () => {
    const customer = await customerWithPassword(t);
    const { recoveryCodes } = await turnOnTotp(t, await signedInCustomer(t, customer.username));
    const code = recoveryCodes[3] ?? '';
    const first = await signInWaiting(customer.username);
    expect(await t.core.portalCall(first, 'portal-session:verify-two-step', { code: code.toLowerCase().replace('-', ' ') })).toEqual({ recoveryCodeUsed: true });
    expect(await auditActions(customer.accountId)).toContain('recovery-code-used');
    const second = await signInWaiting(customer.username);
    expect((await errorOf(t.core.portalCall(second, 'portal-session:verify-two-step', { code }))).code).toBe('INVALID_CREDENTIALS');
    expect(await t.core.portalCall(first, 'portal-two-step:status', {})).toMatchObject({ recoveryCodesLeft: 9 });
    await t.core.portalCall(second, 'portal-session:verify-two-step', { code: recoveryCodes[4] ?? '' });
    expect(await t.core.portalCall(second, 'portal-session:current', {})).not.toBeNull();
  });

  it('are renewed and two-step turned off only with the password, both audited', async () => {
    const customer = await customerWithPassword(t);
    const slot = await signedInCustomer(t, customer.username);
    const { recoveryCodes } = await turnOnTotp(t, slot);
    expect((await errorOf(t.core.portalCall(slot, 'portal-two-step:new-recovery-codes', { password: 'Wrong-Password-1' }))).code).toBe('INVALID_CREDENTIALS');
    const renewed = await t.core.portalCall(slot, 'portal-two-step:new-recovery-codes', { password: CUSTOMER_PASSWORD });
    expect(renewed.recoveryCodes.some((c) => recoveryCodes.includes(c))).toBe(false);
    expect((await errorOf(t.core.portalCall(slot, 'portal-two-step:disable', { password: 'Wrong-Password-1' }))).code).toBe('INVALID_CREDENTIALS');
    expect(await t.core.portalCall(slot, 'portal-two-step:status', {})).toMatchObject({ method: 'totp' });
    expect(await t.core.portalCall(slot, 'portal-two-step:disable', { password: CUSTOMER_PASSWORD })).toMatchObject({ method: null, recoveryCodesLeft: 0, pendingTotp: null });
    const account = await db().selectFrom('portal_account').select(['two_step_method', 'totp_secret', 'totp_last_step']).where('id', '=', customer.accountId).executeTakeFirstOrThrow();
    expect(account).toEqual({ two_step_method: null, totp_secret: null, totp_last_step: null });
    expect(await auditActions(customer.accountId)).toEqual(['signed-in', 'two-step-enabled', 'recovery-codes-renewed', 'two-step-disabled']);
    const entry = await db().selectFrom('audit_log').select(['before_json', 'via', 'staff_id']).where('action', '=', 'two-step-disabled').executeTakeFirstOrThrow();
    expect(entry).toEqual({ before_json: '{"twoStepMethod":"totp"}', via: 'portal', staff_id: null });
    expect((await signedInCustomer(t, customer.username)).portal?.token).toBeTruthy();
  });
});

describe('two-step login by SMS', () => {
  it('confirms the phone with a code sent by SMS (kept as a file without a gateway), then sends a code at every sign-in', async () => {
    const customer = await customerWithPassword(t);
    await giveMobile(t, customer);
    const worker = new OutboxWorker({ deps: t.core.deps, dataDir: t.core.dataDir });
    const slot = await signedInCustomer(t, customer.username);
    expect(await t.core.portalCall(slot, 'portal-two-step:status', {})).toMatchObject({ method: null, mobileHint: '••••••••••78', pendingSms: false });
    expect(await t.core.portalCall(slot, 'portal-two-step:start-sms', {})).toMatchObject({ pendingSms: true });
    expect((await worker.runOnce()).sms.filesWritten).toBe(1);
    const setupCode = codeFromNewestSmsFile(t);
    const { recoveryCodes } = await t.core.portalCall(slot, 'portal-two-step:confirm', { method: 'sms', code: setupCode });
    expect(recoveryCodes).toHaveLength(10);
    const stored = await db().selectFrom('portal_two_step_code').select('code_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(setupCode);

    const waiting = await signInWaiting(customer.username);
    expect(await t.core.portalCall(waiting, 'portal-session:two-step-challenge', {})).toEqual({ method: 'sms', mobileHint: '••••••••••78', attemptsLeft: 5 });
    const sms = await db().selectFrom('outbox_mail').select(['channel', 'to_address', 'kind', 'account_id', 'text']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(sms).toMatchObject({ channel: 'sms', to_address: '+31612345678', kind: 'two-step-code', account_id: customer.accountId });
    expect(sms.text).not.toMatch(/\d{6}/);
    await worker.runOnce();
    const code = codeFromNewestSmsFile(t);
    expect((await errorOf(t.core.portalCall(waiting, 'portal-session:verify-two-step', { code: setupCode === code ? '000001' : setupCode }))).code).toBe('INVALID_CREDENTIALS');
    await t.core.portalCall(waiting, 'portal-session:verify-two-step', { code });
    expect(await t.core.portalCall(waiting, 'portal-session:current', {})).not.toBeNull();
  });

  it('lets a code live 5 minutes, makes older ones stop on resend, and throttles resends', async () => {
    const customer = await customerWithPassword(t);
    await giveMobile(t, customer);
    const worker = new OutboxWorker({ deps: t.core.deps, dataDir: t.core.dataDir });
    const setup = await signedInCustomer(t, customer.username);
    await t.core.portalCall(setup, 'portal-two-step:start-sms', {});
    await worker.runOnce();
    await t.core.portalCall(setup, 'portal-two-step:confirm', { method: 'sms', code: codeFromNewestSmsFile(t) });

    const waiting = await signInWaiting(customer.username);
    await worker.runOnce();
    const first = codeFromNewestSmsFile(t);
    const early = await errorOf(t.core.portalCall(waiting, 'portal-session:send-sms-code', {}));
    expect(early.code).toBe('RATE_LIMITED');
    expect(early.params).toEqual({ seconds: 30 });
    tick(31);
    await t.core.portalCall(waiting, 'portal-session:send-sms-code', {});
    await worker.runOnce();
    const second = codeFromNewestSmsFile(t);
    if (first !== second) expect((await errorOf(t.core.portalCall(waiting, 'portal-session:verify-two-step', { code: first }))).code).toBe('INVALID_CREDENTIALS');
    tick(5 * 60 + 1);
    expect((await errorOf(t.core.portalCall(waiting, 'portal-session:verify-two-step', { code: second }))).code).toBe('INVALID_CREDENTIALS');
  });
});

describe('role groups that require two-step login', () => {
  it('mark an account without a method as having to set one up, until it has', async () => {
    const customer = await customerWithPassword(t);
    const group = await t.call('role-groups:get', { id: customer.roleGroupId });
    await t.call('role-groups:update', { id: group.id, name: group.name, description: group.description, permissions: group.permissions, requiresTwoStep: true });
    expect(await t.call('role-groups:get', { id: group.id })).toMatchObject({ requiresTwoStep: true });
    const change = await db().selectFrom('audit_log').select(['before_json', 'after_json', 'staff_id']).where('entity', '=', 'role-group').where('action', '=', 'updated').executeTakeFirstOrThrow();
    expect(change).toMatchObject({ before_json: '{"requiresTwoStep":false}', after_json: '{"requiresTwoStep":true}' });
    expect(change.staff_id).not.toBeNull();
    // Left out of an update, the flag stays as it is.
    await t.call('role-groups:update', { id: group.id, name: group.name, description: 'Renamed', permissions: group.permissions });
    expect(await t.call('role-groups:get', { id: group.id })).toMatchObject({ requiresTwoStep: true });
    const slot = await signedInCustomer(t, customer.username);
    expect(await t.core.portalCall(slot, 'portal-session:current', {})).toMatchObject({ mustSetUpTwoStep: true });
    expect(await t.core.portalCall(slot, 'portal-two-step:status', {})).toMatchObject({ required: true });
    await turnOnTotp(t, slot);
    expect(await t.core.portalCall(slot, 'portal-session:current', {})).toMatchObject({ mustSetUpTwoStep: false });
  });
});
