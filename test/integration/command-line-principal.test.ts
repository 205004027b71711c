import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { ADMIN, errorOf, signedIn, startTestCore, type TestCore } from '../support/core';

/**
 * The command line's principal: a real staff user acting from the command line, looked up at
 * every call, audited as "command line"; the first active administrator unless told otherwise.
 */
let t: TestCore;
beforeEach(async () => {
  t = await startTestCore({ withAdmin: false });
});
afterEach(async () => {
  await t.close();
});

describe('the command line as a principal', () => {
  it('is nobody until the first-start set-up, then acts as the first active administrator', async () => {
    const cli = t.core.commandLine();
    expect(await cli.call('session:current', {})).toBeNull();
    expect((await errorOf(cli.call('organisations:list', {}))).code).toBe('UNAUTHENTICATED');
    const admin = await cli.call('setup:create-administrator', { ...ADMIN });
    expect(await cli.call('session:current', {})).toMatchObject({ id: admin.id, email: ADMIN.email });
    expect((await cli.call('organisations:create', { name: 'Kaasmakerij Gouda' })).name).toBe('Kaasmakerij Gouda');
  });

  it('writes the audit log as the staff user, from the command line; the app and browser mode as the app', async () => {
    const cli = t.core.commandLine();
    await cli.call('setup:create-administrator', { ...ADMIN });
    await cli.call('organisations:create', { name: 'From the command line' });
    const tab = newSessionSlot('browser');
    await t.core.call(tab, 'session:sign-in', { email: ADMIN.email, password: ADMIN.password });
    await t.core.call(tab, 'organisations:create', { name: 'From a browser tab' });
    const window = await signedIn(t.core, ADMIN.email, ADMIN.password);
    await t.core.call(window, 'organisations:create', { name: 'From the desktop window' });
    const log = await t.core.call(window, 'audit:list', { entity: 'organisation' });
    expect(log.rows.map((r) => [r.label, r.via, r.staffName]).reverse()).toEqual([
      ['From the command line', 'cli', ADMIN.name],
      ['From a browser tab', 'app', ADMIN.name],
      ['From the desktop window', 'app', ADMIN.name],
    ]);
    const setUp = await t.core.call(window, 'audit:list', { entity: 'staff' });
    expect(setUp.rows.map((r) => [r.action, r.via])).toEqual([['first-administrator-created', 'cli']]);
  });

  it('acts as the staff user named by --as, refuses one who may not grant access, and stops as soon as they are deactivated', async () => {
    const admin = t.core.commandLine();
    await admin.call('setup:create-administrator', { ...ADMIN });
    const jonas = await admin.call('staff:create', { name: 'Jonas', email: 'jonas@example.com', password: 'Quiet-Harbour-75', role: 'staff', mayGrantAccess: true });
    await admin.call('staff:create', { name: 'Sofie', email: 'sofie@example.com', password: 'Quiet-Harbour-72', role: 'staff', mayGrantAccess: false });

    const asJonas = t.core.commandLine({ as: 'JONAS@example.com' });
    expect(await asJonas.call('session:current', {})).toMatchObject({ id: jonas.id });
    const org = await asJonas.call('organisations:create', { name: 'Brouwerij De Ster' });
    const [group] = await asJonas.call('role-groups:list', {});
    await asJonas.call('portal-accounts:create', { username: 'anna@example.com', links: [{ organisationId: org.id, isDefault: true }], roleGroupIds: [group?.id ?? 0] });
    expect(await errorOf(asJonas.call('smtp:get', {}))).toMatchObject({ code: 'FORBIDDEN', message: 'Only administrators may do this.' });

    expect(await errorOf(t.core.commandLine({ as: 'sofie@example.com' }).call('session:current', {}))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Staff user sofie@example.com may not grant portal access; use an administrator.',
    });
    expect(await errorOf(t.core.commandLine({ as: 'nobody@example.com' }).call('setup:status', {}))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'There is no staff user nobody@example.com.',
    });

    await admin.call('staff:update', { id: jonas.id, name: 'Jonas', email: 'jonas@example.com', role: 'staff', mayGrantAccess: true, active: false, language: 'en', password: null });
    expect(await errorOf(asJonas.call('organisations:list', {}))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Staff user jonas@example.com is deactivated.' });
  });
});
