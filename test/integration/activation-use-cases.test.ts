import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activateAccount, sendActivations } from '../../electron/core/activation/activation-service';
import { sendSetPasswordLink, setPasswordByStaff } from '../../electron/core/activation/password-reset-service';
import type { Actor, CoreDeps } from '../../electron/core/context';
import { letterOf } from '../../electron/core/documents/letter-document';
import { startWithAccount, type TestCore } from '../support/core';

// The services are whole use cases: called directly, as the CLI or a portal would, without the
// IPC handler, each one does every step (token, mail, letter, audit) or none of them.

let t: TestCore;
let actor: Actor;
let accountId: number;

beforeEach(async () => {
  ({ t, actor, accountId } = await startWithAccount(() => new Date('2026-11-01T10:00:00.000Z')));
});
afterEach(async () => {
  await t.close();
});

const db = () => t.core.deps.db;
const mails = () => db().selectFrom('outbox_mail').select(['kind', 'account_id', 'secret_enc']).where('account_id', '=', accountId).orderBy('id').execute();
const letters = () => db().selectFrom('document').select(['kind', 'account_id', 'payload_enc']).where('account_id', '=', accountId).execute();

describe('the activation use cases, called without a handler', () => {
  it('sendActivations queues the mail and stores the letter, and what those two carry activates the account, which then gets its welcome mail', async () => {
    const report = await sendActivations(t.core.deps, actor, [accountId]);
    expect(report).toEqual([{ accountId, outcome: 'sent', expiresAt: '2026-11-15T10:00:00.000Z' }]);
    const [mail] = await mails();
    const [letter] = await letters();
    expect(mail).toMatchObject({ kind: 'activation', account_id: accountId });
    expect(letter).toMatchObject({ kind: 'activation-letter', account_id: accountId });
    // The customer has only the mail's link token and the letter's code.
    const token = t.core.deps.secretBox.decrypt(mail?.secret_enc ?? '');
    const { code } = letterOf(t.core.deps.secretBox, letter?.payload_enc ?? '');
    await activateAccount(t.core.deps, { token, code, password: 'Lantern-Orbit-42' });
    expect((await t.call('portal-accounts:get', { id: accountId })).status).toBe('active');
    expect((await mails()).map((m) => m.kind)).toEqual(['activation', 'welcome']);
  });

  it('keeps an account whose letter cannot be stored uninvited and reports it failed: no token, no mail, no audit entry', async () => {
    const broken: CoreDeps = {
      ...t.core.deps,
      activationLetters: {
        begin: async () => ({
          storeMany: async () => {
            throw new Error('disk full');
          },
        }),
      },
    };
    // Reported as failed (the call's other accounts would still go); nothing was written for it.
    expect(await sendActivations(broken, actor, [accountId])).toEqual([{ accountId, outcome: 'failed', expiresAt: null }]);
    expect(await mails()).toEqual([]);
    expect(await letters()).toEqual([]);
    expect(await db().selectFrom('portal_account_token').select('id').where('account_id', '=', accountId).execute()).toEqual([]);
    expect((await t.call('portal-accounts:get', { id: accountId })).status).toBe('no_access');
    const audit = await t.call('audit:list', { entity: 'portal-account', entityId: accountId, limit: 10 });
    expect(audit.rows.map((r) => r.action)).not.toContain('activation-sent');
  });

  it('sendSetPasswordLink mails the link, and setPasswordByStaff mails that the password changed', async () => {
    const { expiresAt } = await sendSetPasswordLink(t.core.deps, actor, accountId);
    expect(expiresAt).toBe('2026-11-02T10:00:00.000Z');
    const [link] = await mails();
    expect(link).toMatchObject({ kind: 'set-password', account_id: accountId });
    expect(link?.secret_enc).not.toBeNull();
    await setPasswordByStaff(t.core.deps, actor, accountId, 'Lantern-Orbit-42');
    expect((await mails()).map((m) => [m.kind, m.secret_enc === null])).toEqual([
      ['set-password', false],
      ['password-changed', true],
    ]);
  });
});
