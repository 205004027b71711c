import { afterEach, describe, expect, it } from 'vitest';
import { setPasswordHashCostForTests } from '../../electron/core/auth/password-hash';
import { newSessionSlot } from '../../electron/core/auth/session';
import { FREE_ATTEMPTS } from '../../electron/core/auth/sign-in-throttle';
import { ADMIN, signedIn, startTestCore, type TestCore, errorOf } from '../support/core';
import { TEST_PASSWORD_HASH_COST } from '../support/vitest-setup';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const editable = (m: { id: number; name: string; email: string; role: 'administrator' | 'staff'; mayGrantAccess: boolean; active: boolean; language: 'en' | 'nl' | 'de' }) => ({
  id: m.id,
  name: m.name,
  email: m.email,
  role: m.role,
  mayGrantAccess: m.mayGrantAccess,
  active: m.active,
  language: m.language,
});

describe('first administrator', () => {
  it('is asked for on an empty database, created once, and signed in', async () => {
    t = await startTestCore({ withAdmin: false });
    const anonymous = newSessionSlot();
    expect(await t.core.call(anonymous, 'setup:status', {})).toEqual({ needsAdministrator: true, defaultLanguage: 'en' });
    const admin = await t.core.call(anonymous, 'setup:create-administrator', { ...ADMIN, language: 'nl' });
    expect(admin).toMatchObject({ role: 'administrator', mayGrantAccess: true, active: true, language: 'nl' });
    expect(admin).not.toHaveProperty('passwordHash');
    expect(await t.core.call(anonymous, 'session:current', {})).toMatchObject({ id: admin.id });
    expect((await t.core.call(anonymous, 'setup:status', {})).needsAdministrator).toBe(false);
    const again = await errorOf(t.core.call(newSessionSlot(), 'setup:create-administrator', { ...ADMIN, email: 'eve@example.com' }));
    expect(again.code).toBe('SETUP_ALREADY_DONE');
  });

  it('stores an argon2id hash with at least OWASP parameters, never the password', async () => {
    // The production cost, not the cheap one vitest-setup.ts gives every other test.
    setPasswordHashCostForTests(null);
    try {
      t = await startTestCore();
    } finally {
      setPasswordHashCostForTests(TEST_PASSWORD_HASH_COST);
    }
    const row = await t.core.deps.db.selectFrom('staff').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/);
    const [, m, tCost] = /m=(\d+),t=(\d+)/.exec(row.password_hash) ?? [];
    expect(Number(m)).toBeGreaterThanOrEqual(19_456);
    expect(Number(tCost)).toBeGreaterThanOrEqual(2);
    expect(row.password_hash).not.toContain(ADMIN.password);
  });
});

describe('sign-in', () => {
  it('gives the same answer for an unknown email and a wrong password', async () => {
    t = await startTestCore();
    const unknown = await errorOf(t.core.call(newSessionSlot(), 'session:sign-in', { email: 'nobody@example.com', password: 'whatever-123' }));
    const wrong = await errorOf(t.core.call(newSessionSlot(), 'session:sign-in', { email: ADMIN.email, password: 'whatever-123' }));
    expect(unknown.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.code).toBe(unknown.code);
    expect(wrong.message).toBe(unknown.message);
    const slot = await signedIn(t.core, 'ADA@Example.com', ADMIN.password);
    expect(slot.staffId).not.toBeNull();
  });

  it('locks an email out after repeated failures, with a wait that grows', async () => {
    let now = new Date('2026-01-01T10:00:00Z');
    t = await startTestCore({ clock: () => now });
    const attempt = () => t!.core.call(newSessionSlot(), 'session:sign-in', { email: ADMIN.email, password: 'wrong-password' });
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await errorOf(attempt())).code).toBe('INVALID_CREDENTIALS');
    const locked = await errorOf(t.core.call(newSessionSlot(), 'session:sign-in', { email: ADMIN.email, password: ADMIN.password }));
    expect(locked.code).toBe('RATE_LIMITED');
    expect(locked.params?.seconds).toBe(30);
    now = new Date(now.getTime() + 31_000);
    expect((await errorOf(attempt())).code).toBe('INVALID_CREDENTIALS');
    expect((await errorOf(attempt())).params?.seconds).toBe(60);
    now = new Date(now.getTime() + 61_000);
    await signedIn(t.core, ADMIN.email, ADMIN.password);
    const counter = await t.core.deps.db.selectFrom('sign_in_failure').selectAll().execute();
    expect(counter).toEqual([]);
  });

  it('counts failures for unknown emails too, so a lockout does not reveal which emails exist', async () => {
    t = await startTestCore();
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      await errorOf(t.core.call(newSessionSlot(), 'session:sign-in', { email: 'ghost@example.com', password: 'x' }));
    }
    expect((await errorOf(t.core.call(newSessionSlot(), 'session:sign-in', { email: 'ghost@example.com', password: 'x' }))).code).toBe('RATE_LIMITED');
  });

  it('signs out', async () => {
    t = await startTestCore();
    await t.core.call(t.admin, 'session:sign-out', {});
    expect(await t.core.call(t.admin, 'session:current', {})).toBeNull();
    expect((await errorOf(t.core.call(t.admin, 'organisations:list', {}))).code).toBe('UNAUTHENTICATED');
  });
});

describe('staff administration', () => {
  it('lets administrators add and edit staff, and ends a deactivated user’s session', async () => {
    t = await startTestCore();
    const bob = await t.call('staff:create', { name: 'Bob', email: 'bob@example.com', password: 'Quiet-Harbour-71', role: 'staff', mayGrantAccess: false });
    const bobSession = await signedIn(t.core, 'bob@example.com', 'Quiet-Harbour-71');
    expect((await t.core.call(bobSession, 'organisations:list', {})).total).toBe(0);
    await t.call('staff:update', { ...editable(bob), active: false, password: null });
    expect((await errorOf(t.core.call(bobSession, 'organisations:list', {}))).code).toBe('UNAUTHENTICATED');
    expect((await errorOf(signedIn(t.core, 'bob@example.com', 'Quiet-Harbour-71'))).code).toBe('INVALID_CREDENTIALS');
    const log = await t.call('audit:list', { entity: 'staff', entityId: bob.id });
    expect(log.rows.map((r) => r.action)).toEqual(['deactivated', 'created']);
    expect(log.rows[0]?.before).toEqual({ active: true });
    expect(JSON.stringify(log.rows)).not.toContain('Quiet-Harbour-71');
  });

  it('finds staff by any part of the name, any case, accents ignored, and sorts accented names among their letters', async () => {
    t = await startTestCore();
    const names = ['Émile Ørsted', 'Łukasz Straße', 'Zoë de Vries', 'ERIK Østergaard'];
    for (const [i, name] of names.entries()) {
      await t.call('staff:create', { name, email: `staff${i}@example.com`, password: 'Quiet-Harbour-71', role: 'staff', mayGrantAccess: false });
    }
    const found = async (search: string) => (await t!.call('staff:list', { search, sort: 'name', direction: 'asc', offset: 0, limit: 50 })).rows.map((r) => r.name);
    expect(await found('emile')).toEqual(['Émile Ørsted']);
    expect(await found('ÉMI')).toEqual(['Émile Ørsted']);
    expect(await found('orsted')).toEqual(['Émile Ørsted']);
    expect(await found('strasse')).toEqual(['Łukasz Straße']);
    expect(await found('lukasz')).toEqual(['Łukasz Straße']);
    expect(await found('zoe')).toEqual(['Zoë de Vries']);
    expect(await found('ØSTER')).toEqual(['ERIK Østergaard']);
    // % and _ are plain characters, not wildcards.
    expect(await found('%')).toEqual([]);
    expect(await found('staff1@')).toEqual(['Łukasz Straße']);
    const all = await t.call('staff:list', { search: '', sort: 'name', direction: 'asc', offset: 0, limit: 50 });
    expect(all.rows.map((r) => r.name).filter((n) => names.includes(n))).toEqual(['Émile Ørsted', 'ERIK Østergaard', 'Łukasz Straße', 'Zoë de Vries']);
  });

  it('refuses staff users administrator-only channels, in the core', async () => {
    t = await startTestCore();
    await t.call('staff:create', { name: 'Bob', email: 'bob@example.com', password: 'Quiet-Harbour-71', role: 'staff', mayGrantAccess: true });
    const bob = await signedIn(t.core, 'bob@example.com', 'Quiet-Harbour-71');
    for (const [channel, input] of [
      ['staff:list', {}],
      ['staff:create', { name: 'X', email: 'x@example.com', password: 'Quiet-Harbour-76', role: 'administrator', mayGrantAccess: true }],
      ['audit:list', {}],
      ['settings:update', { defaultLanguage: 'de' }],
    ] as const) {
      const result = await t.core.invoke(bob, channel, input);
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('FORBIDDEN');
    }
    expect((await t.call('staff:list', {})).total).toBe(2);
  });

  it('keeps at least one active administrator', async () => {
    t = await startTestCore();
    const me = await t.call('session:current', {});
    if (!me) throw new Error('signed in expected');
    const error = await errorOf(t.call('staff:update', { ...editable(me), role: 'staff', password: null }));
    expect(error.code).toBe('LAST_ADMINISTRATOR');
    expect(error.fields?.role).toBeDefined();
  });

  it('refuses a second staff user with the same email in another case', async () => {
    t = await startTestCore();
    const error = await errorOf(t.call('staff:create', { name: 'Ada 2', email: 'ADA@EXAMPLE.COM', password: 'Quiet-Harbour-77', role: 'staff', mayGrantAccess: false }));
    expect(error.fields?.email?.code).toBe('taken');
  });

  it('keeps each user’s language and the default language as settings', async () => {
    t = await startTestCore();
    expect((await t.call('staff:set-my-language', { language: 'de' })).language).toBe('de');
    expect(await t.call('settings:update', { defaultLanguage: 'nl' })).toEqual({ defaultLanguage: 'nl' });
    expect((await t.core.call(newSessionSlot(), 'setup:status', {})).defaultLanguage).toBe('nl');
    const log = await t.call('audit:list', { entity: 'settings' });
    expect(log.rows[0]).toMatchObject({ before: { defaultLanguage: 'en' }, after: { defaultLanguage: 'nl' } });
  });
});

describe('password normalisation', () => {
  it('signs in with a password typed in either Unicode form, and with hashes written before normalisation', async () => {
    const { hashPassword, verifyPassword } = await import('../../electron/core/auth/password-hash');
    const composed = 'Crème-brûlée-2026';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const stored = await hashPassword(decomposed);
    expect(await verifyPassword(stored, composed)).toBe(true);
    expect(await verifyPassword(stored, decomposed)).toBe(true);
    expect(await verifyPassword(stored, 'Creme-brulee-2026')).toBe(false);
    const { hash } = await import('@node-rs/argon2');
    const legacy = await hash(decomposed);
    expect(await verifyPassword(legacy, decomposed)).toBe(true);
  });
});
