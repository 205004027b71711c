import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSetPassword, sendSetPasswordLink } from '../../electron/core/activation/password-reset-service';
import { databaseFingerprint, errorOf, startTestCore, type TestCore } from '../support/core';
import { customerWithPassword, signedInCustomer } from '../support/portal';
import { recordingMails } from '../support/recording-ports';
import type { AccountMail } from '../../electron/core/activation/activation-ports';

/**
 * "Set password" with "must change at next sign-in" (Keycloak's required action, issue 12 point
 * 6): staff set the customer's password and the flag in one transaction, audited; the portal
 * then knows the customer must choose their own, and the customer's own new password clears it.
 */
let t: TestCore;

beforeEach(async () => {
  t = await startTestCore({ clock: () => new Date('2026-12-05T09:00:00.000Z') });
});
afterEach(() => t.close());

const flag = async (accountId: number) =>
  (await t.core.deps.db.selectFrom('portal_account').select('must_change_password').where('id', '=', accountId).executeTakeFirstOrThrow()).must_change_password;

describe('set password with "must change at next sign-in"', () => {
  it('sets the flag with the password, audits both, and the customer signed in with it is told to choose their own', async () => {
    const customer = await customerWithPassword(t);
    await t.call('portal-accounts:set-password', { id: customer.accountId, password: 'Temporary-Harbour-58', mustChangePassword: true });
    expect(await flag(customer.accountId)).toBe(1);
    expect(await t.call('portal-accounts:get', { id: customer.accountId })).toMatchObject({ mustChangePassword: true, hasPassword: true });

    const slot = await signedInCustomer(t, customer.username, 'Temporary-Harbour-58');
    expect(await t.core.portalCall(slot, 'portal-session:current', {})).toMatchObject({ accountId: customer.accountId, mustChangePassword: true });

    const audit = await t.call('audit:list', { entity: 'portal-account', entityId: customer.accountId });
    const set = audit.rows.filter((r) => r.action === 'password-set');
    expect(set[0]).toMatchObject({ staffName: 'Ada Administrator', after: { passwordChanged: true, mustChangePassword: true } });
    expect(JSON.stringify(audit.rows)).not.toContain('Temporary-Harbour');
  });

  it('leaves the flag off by default, and a password set without it clears an earlier request', async () => {
    const customer = await customerWithPassword(t);
    expect(await flag(customer.accountId)).toBe(0);
    await t.call('portal-accounts:set-password', { id: customer.accountId, password: 'Temporary-Harbour-58', mustChangePassword: true });
    await t.call('portal-accounts:set-password', { id: customer.accountId, password: 'Settled-Harbour-59' });
    expect(await flag(customer.accountId)).toBe(0);
    const slot = await signedInCustomer(t, customer.username, 'Settled-Harbour-59');
    expect(await t.core.portalCall(slot, 'portal-session:current', {})).toMatchObject({ mustChangePassword: false });
  });

  it('is settled by the customer choosing their own password through a set-password link', async () => {
    const customer = await customerWithPassword(t);
    await t.call('portal-accounts:set-password', { id: customer.accountId, password: 'Temporary-Harbour-58', mustChangePassword: true });
    const mails: AccountMail[] = [];
    const deps = recordingMails(t.core.deps, mails);
    const admin = await t.call('session:current', {});
    if (!admin) throw new Error('not signed in');
    await sendSetPasswordLink(deps, { id: admin.id, name: admin.name, role: admin.role, mayGrantAccess: admin.mayGrantAccess }, customer.accountId);
    const mail = mails.at(-1);
    if (mail?.type !== 'set-password') throw new Error('no set-password mail');
    await completeSetPassword(deps, { token: mail.link.token, password: 'Tulip-Meadow-Road-31' });
    expect(await flag(customer.accountId)).toBe(0);
  });

  it('sets neither password nor flag when the password breaks the policy: the field says why', async () => {
    const customer = await customerWithPassword(t);
    const before = await databaseFingerprint(t.core);
    const error = await errorOf(t.call('portal-accounts:set-password', { id: customer.accountId, password: 'short', mustChangePassword: true }));
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { password: { code: 'weak_password' } } });
    expect(await databaseFingerprint(t.core)).toBe(before);
  });
});
