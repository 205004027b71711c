import { afterEach, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import type { StaffMember } from '../../shared/api/staff';
import { ADMIN, errorOf, signedIn, startTestCore, type TestCore } from '../support/core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const BOB = { name: 'Bob', email: 'bob@example.com', password: 'Quiet-Harbour-71', role: 'staff', mayGrantAccess: false } as const;
const editable = (m: StaffMember) => ({ id: m.id, name: m.name, email: m.email, role: m.role, mayGrantAccess: m.mayGrantAccess, active: m.active, language: m.language, password: null });

describe('staff passwords follow the password policy', () => {
  it('refuses a weak password for a new staff user, a changed password and the first administrator', async () => {
    t = await startTestCore({ withAdmin: false });
    const weakAdmin = await errorOf(t.core.call(newSessionSlot(), 'setup:create-administrator', { ...ADMIN, password: 'alllowercaseletters' }));
    expect(weakAdmin.fields?.password?.code).toBe('weak_password');
    expect(weakAdmin.params?.problems).toContain('needs_upper');
    expect((await t.core.call(newSessionSlot(), 'setup:status', {})).needsAdministrator).toBe(true);
    await t.core.call(t.admin, 'setup:create-administrator', { ...ADMIN });

    const weakNew = await errorOf(t.call('staff:create', { ...BOB, password: 'Bob-12' }));
    expect(weakNew.fields?.password?.code).toBe('weak_password');
    expect(weakNew.params?.problems).toContain('too_short');
    const context = await errorOf(t.call('staff:create', { ...BOB, password: 'Mine-Bob@Example.com-9' }));
    expect(context.params?.problems).toContain('contains_context');
    const bob = await t.call('staff:create', BOB);
    const weakChange = await errorOf(t.call('staff:update', { ...editable(bob), password: 'password1' }));
    expect(weakChange.fields?.password?.code).toBe('weak_password');
    await signedIn(t.core, BOB.email, BOB.password);

    // The administrator's preset applies to staff too: NIST asks for 15+ characters.
    await t.call('password-policy:update', { minLength: 15, maxLength: 128, requireUpper: false, requireLower: false, requireDigit: false, requireSymbol: false, blockCommon: true, blockContext: true });
    expect((await errorOf(t.call('staff:update', { ...editable(bob), password: 'Short-Pass-9' }))).params?.problems).toBe('too_short');
    await t.call('staff:update', { ...editable(bob), password: 'a quiet harbour at night' });
  });
});

describe('staff sessions', () => {
  it('end after the idle timeout (default 8 hours, an administrator may change it)', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    t = await startTestCore({ clock: () => now });
    await t.call('staff:create', BOB);
    const bob = await signedIn(t.core, BOB.email, BOB.password);
    expect(await t.call('session-settings:get', {})).toEqual({ idleMinutes: 480, portalIdleMinutes: 30, portalAbsoluteHours: 12 });
    // Using the session keeps it alive: 7 h idle, then another 7 h.
    now = new Date(now.getTime() + 7 * 3600_000);
    expect((await t.core.call(bob, 'session:current', {}))?.email).toBe(BOB.email);
    now = new Date(now.getTime() + 7 * 3600_000);
    expect((await t.core.call(bob, 'session:current', {}))?.email).toBe(BOB.email);
    now = new Date(now.getTime() + 8 * 3600_000 + 1000);
    expect(await t.core.call(bob, 'session:current', {})).toBeNull();
    expect((await errorOf(t.core.call(bob, 'organisations:list', {}))).code).toBe('UNAUTHENTICATED');

    const admin = await signedIn(t.core, ADMIN.email, ADMIN.password);
    expect(await t.core.call(admin, 'session-settings:update', { idleMinutes: 30 })).toEqual({ idleMinutes: 30, portalIdleMinutes: 30, portalAbsoluteHours: 12 });
    const again = await signedIn(t.core, BOB.email, BOB.password);
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await t.core.call(again, 'session:current', {}))?.email).toBe(BOB.email);
    now = new Date(now.getTime() + 31 * 60_000);
    expect(await t.core.call(again, 'session:current', {})).toBeNull();
    const bobForbidden = await signedIn(t.core, BOB.email, BOB.password);
    expect((await errorOf(t.core.call(bobForbidden, 'session-settings:update', { idleMinutes: 600 }))).code).toBe('FORBIDDEN');
  });

  it('end after the idle timeout even while the screen keeps refreshing by itself (unattended calls are answered but keep nothing alive)', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    t = await startTestCore({ clock: () => now });
    await t.call('staff:create', BOB);
    const bob = await signedIn(t.core, BOB.email, BOB.password);
    const unattended = async (channel: 'session:current' | 'organisations:list') => t!.core.invoke(bob, channel, {}, { unattended: true });
    // Another desk's changes refresh Bob's open screens every hour: answered while his sign-in lives...
    for (let hour = 1; hour <= 7; hour++) {
      now = new Date(now.getTime() + 3600_000);
      expect(await unattended('organisations:list')).toMatchObject({ ok: true });
    }
    // ...but 8 hours after his own last call the sign-in ends, refreshes or not.
    now = new Date(now.getTime() + 3600_000 + 1000);
    expect(await unattended('session:current')).toEqual({ ok: true, value: null });
    expect((await errorOf(t.core.call(bob, 'organisations:list', {}))).code).toBe('UNAUTHENTICATED');
    // An attended call does move the clock: the same hours with one of Bob's own calls in between.
    const again = await signedIn(t.core, BOB.email, BOB.password);
    now = new Date(now.getTime() + 7 * 3600_000);
    expect((await t.core.call(again, 'session:current', {}))?.email).toBe(BOB.email);
    now = new Date(now.getTime() + 7 * 3600_000);
    expect((await t.core.invoke(again, 'session:current', {}, { unattended: true }))).toMatchObject({ ok: true, value: { email: BOB.email } });
  });

  for (const [what, change] of [
    ['password', (m: StaffMember) => ({ ...editable(m), password: 'Another-Harbour-99' })],
    ['role', (m: StaffMember) => ({ ...editable(m), role: 'administrator' as const })],
    ['active flag', (m: StaffMember) => ({ ...editable(m), active: false })],
  ] as const) {
    it(`end when an administrator changes the user's ${what}, but not for other edits`, async () => {
      t = await startTestCore();
      const member = await t.call('staff:create', BOB);
      const first = await signedIn(t.core, BOB.email, BOB.password);
      const second = await signedIn(t.core, BOB.email, BOB.password);
      await t.call('staff:update', { ...editable(member), name: 'Bob Builder', language: 'nl' });
      expect((await t.core.call(first, 'session:current', {}))?.name).toBe('Bob Builder');
      await t.call('staff:update', change({ ...member, name: 'Bob Builder', language: 'nl' }));
      expect(await t.core.call(first, 'session:current', {})).toBeNull();
      expect(await t.core.call(second, 'session:current', {})).toBeNull();
      expect((await errorOf(t.core.call(second, 'organisations:list', {}))).code).toBe('UNAUTHENTICATED');
    });
  }

  it('keep the administrator who changes their own password signed in there, and end their other sessions', async () => {
    t = await startTestCore();
    const otherWindow = await signedIn(t.core, ADMIN.email, ADMIN.password);
    const me = await t.call('session:current', {});
    if (!me) throw new Error('signed in expected');
    await t.call('staff:update', { ...editable(me), password: 'Brand-New-Harbour-5' });
    expect((await t.call('session:current', {}))?.id).toBe(me.id);
    expect(await t.core.call(otherWindow, 'session:current', {})).toBeNull();
    await signedIn(t.core, ADMIN.email, 'Brand-New-Harbour-5');
  });
});
