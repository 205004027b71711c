import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSetPassword, sendSetPasswordLink, setPasswordByStaff, type IssuedSetPassword } from '../../electron/core/activation/password-reset-service';
import { verifyPassword } from '../../electron/core/auth/password-hash';
import type { Actor } from '../../electron/core/context';
import { errorOf, startWithAccount, type TestCore } from '../support/core';
import { recordingMails } from '../support/recording-ports';
import type { AccountMail } from '../../electron/core/activation/activation-ports';

let t: TestCore;
let now: Date;
let actor: Actor;
let accountId: number;
const mails: AccountMail[] = [];
/** The accounts the use cases mailed "your password was changed", in order. */
const changed = () => mails.filter((m) => m.type === 'password-changed').map((m) => m.to.id);

beforeEach(async () => {
  now = new Date('2026-11-01T10:00:00.000Z');
  mails.length = 0;
  ({ t, actor, accountId } = await startWithAccount(() => now));
});
afterEach(async () => {
  await t.close();
});

/** A set-password link as the customer gets it: the token from the queued mail. */
async function issue(): Promise<IssuedSetPassword> {
  const { expiresAt } = await sendSetPasswordLink(deps(), actor, accountId);
  const mail = mails.at(-1);
  if (mail?.type !== 'set-password') throw new Error('No set-password mail was queued.');
  return { accountId, token: mail.link.token, expiresAt };
}
const deps = () => recordingMails(t.core.deps, mails);
const row = () => t.core.deps.db.selectFrom('portal_account').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();

describe('password reset', () => {
  it('sets the password through a 24-hour link once, voiding sessions, and mails that the password changed', async () => {
    const link: IssuedSetPassword = await issue();
    expect(link.expiresAt).toBe('2026-11-02T10:00:00.000Z');
    const stamp = (await row()).security_stamp;
    await completeSetPassword(deps(), { token: link.token, password: 'Lantern-Orbit-42' });
    expect(await verifyPassword((await row()).password_hash ?? '', 'Lantern-Orbit-42')).toBe(true);
    expect((await row()).security_stamp).toBe(stamp + 1);
    expect(changed()).toEqual([accountId]);
    expect((await errorOf(completeSetPassword(t.core.deps, { token: link.token, password: 'Another-Orbit-43' }))).code).toBe('INVALID_TOKEN');
  });

  it('refuses an expired link and a link replaced by a newer one', async () => {
    const first = await issue();
    const second = await issue();
    expect((await errorOf(completeSetPassword(t.core.deps, { token: first.token, password: 'Lantern-Orbit-42' }))).code).toBe('INVALID_TOKEN');
    now = new Date(Date.parse(second.expiresAt) + 1000);
    expect((await errorOf(completeSetPassword(t.core.deps, { token: second.token, password: 'Lantern-Orbit-42' }))).code).toBe('INVALID_TOKEN');
  });

  it('lets staff type a password under the policy, voiding open links', async () => {
    const link = await issue();
    expect((await errorOf(setPasswordByStaff(deps(), actor, accountId, 'weak'))).fields?.password).toBeDefined();
    expect(changed()).toEqual([]);
    await setPasswordByStaff(deps(), actor, accountId, 'Lantern-Orbit-42');
    expect(changed()).toEqual([accountId]);
    expect((await t.call('portal-accounts:get', { id: accountId })).status).toBe('active');
    expect((await errorOf(completeSetPassword(t.core.deps, { token: link.token, password: 'Another-Orbit-43' }))).code).toBe('INVALID_TOKEN');
    const audit = await t.call('audit:list', { entity: 'portal-account', entityId: accountId, limit: 5 });
    expect(audit.rows[0]).toMatchObject({ action: 'password-set', after: { passwordChanged: true } });
    expect(JSON.stringify(audit.rows)).not.toContain('Lantern');
  });
});
