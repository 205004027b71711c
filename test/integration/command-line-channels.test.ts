import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendActivations, type IssuedActivation } from '../../electron/core/activation/activation-service';
import type { Actor } from '../../electron/core/context';
import type { CommandLine } from '../../electron/core/portier-core';
import { errorOf, startWithAccount, type TestCore } from '../support/core';
import { recordingIssued } from '../support/recording-ports';

/** The channels only the command line offers, in process. */
let t: TestCore;
let actor: Actor;
let accountId: number;
let cli: CommandLine;
let now: Date;

beforeEach(async () => {
  now = new Date('2026-11-01T10:00:00.000Z');
  ({ t, actor, accountId } = await startWithAccount(() => now));
  cli = t.core.commandLine();
});
afterEach(async () => {
  await t.close();
});

describe("the command line's own channels", () => {
  it('finds accounts by username in any case, in the order asked', async () => {
    expect(await cli.call('portal-accounts:find-by-username', { usernames: ['nobody@example.com', ' ANNA@example.com '] })).toEqual([null, { id: accountId, username: 'anna@example.com' }]);
  });

  it('sends an activation through the app’s channel, finds its letter pending, and completes the activation with the welcome mail queued', async () => {
    expect(await cli.call('documents:pending-letters', {})).toEqual({ ids: [] });
    expect(await cli.call('portal-accounts:send-activation', { ids: [accountId] })).toMatchObject([{ accountId, outcome: 'sent' }]);
    const [letter] = (await cli.call('documents:list', { accountId })).rows;
    expect(await cli.call('documents:pending-letters', {})).toEqual({ ids: [letter?.id] });
    const mails = await cli.call('outbox:list', { accountId });
    expect(mails.rows.map((m) => m.kind)).toEqual(['activation']);

    // A second activation with the token known here (the first one's is only in the encrypted mail).
    const sent: IssuedActivation[] = [];
    await sendActivations(recordingIssued(t.core.deps, sent), actor, [accountId]);
    const [issued] = sent;
    const wrong = await errorOf(cli.call('portal-accounts:complete-activation', { token: issued?.token ?? '', code: 'AAAA-AAAA-AAAA', password: 'Lantern-Orbit-42' }));
    expect(wrong.code).toBe('INVALID_TOKEN');
    const done = await cli.call('portal-accounts:complete-activation', { token: issued?.token ?? '', code: issued?.code ?? '', password: 'Lantern-Orbit-42' });
    expect(done).toEqual({ id: accountId, username: 'anna@example.com' });
    expect((await cli.call('portal-accounts:get', { id: accountId })).status).toBe('active');
    expect((await cli.call('outbox:list', { accountId })).rows.map((m) => m.kind)).toContain('welcome');
    expect(await cli.call('documents:pending-letters', {})).toEqual({ ids: [] });
  });

  it('sets demo activation states only on accounts without any activation history', async () => {
    const org = await cli.call('organisations:create', { name: 'Demo BV' });
    const [group] = await cli.call('role-groups:list', {});
    const fresh = await cli.call('portal-accounts:create', { username: 'demo@example.com', links: [{ organisationId: org.id, isDefault: true }], roleGroupIds: [group?.id ?? 0] });
    await cli.call('portal-accounts:send-activation', { ids: [accountId] });
    const invited = await cli.call('portal-accounts:get', { id: accountId });
    const state = { sentAt: '2026-10-01T10:00:00.000Z', expiresAt: '2026-10-15T10:00:00.000Z', activatedAt: '2026-10-02T10:00:00.000Z', lastSignInAt: '2026-10-20T10:00:00.000Z' };
    const result = await cli.call('portal-accounts:set-demo-activation-states', { states: [{ id: fresh.id, ...state }, { id: accountId, ...state }] });
    expect(result).toEqual({ updated: 1 });
    expect(await cli.call('portal-accounts:get', { id: fresh.id })).toMatchObject({ activationSentAt: state.sentAt, activationSentByName: actor.name, lastSignInAt: state.lastSignInAt });
    expect(await cli.call('portal-accounts:get', { id: accountId })).toEqual(invited);
  });
});
