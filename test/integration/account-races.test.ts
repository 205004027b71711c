import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sendActivations, type IssuedActivation } from '../../electron/core/activation/activation-service';
import type { Actor } from '../../electron/core/context';
import { startWithAccount, type TestCore } from '../support/core';
import { portalSlot } from '../support/portal';
import { recordingIssued } from '../support/recording-ports';

/*
 * Forty requests at once on one account, in one process: on SQLite they take turns on the one
 * connection; on PostgreSQL they run side by side on the pool, SERIALIZABLE, retried and at last
 * run alone (postgres-serializable.ts). Either way each request is decided as if it came alone.
 */
const PARALLEL = 40;

let t: TestCore;
let actor: Actor;
let accountId: number;

beforeEach(async () => {
  ({ t, actor, accountId } = await startWithAccount(() => new Date('2026-11-01T10:00:00.000Z')));
});
afterEach(() => t.close());

/** The tallies behind the account list's totals, and the same counted from the accounts. */
async function talliesAndRecount() {
  const db = t.core.deps.db;
  const tallies = await db.selectFrom('portal_account_tally').select(['access_stage', 'active', 'n']).where('n', '>', 0).orderBy('access_stage').orderBy('active').execute();
  const recount = await db
    .selectFrom('portal_account')
    .select(['access_stage', 'active', sql<number>`count(*)`.as('n')])
    .groupBy(['access_stage', 'active'])
    .orderBy('access_stage')
    .orderBy('active')
    .execute();
  return { tallies, recount: recount.map((r) => ({ ...r, n: Number(r.n) })) };
}

const auditActions = async () =>
  (await t.core.deps.db.selectFrom('audit_log').select('action').where('entity', '=', 'portal-account').where('entity_id', '=', accountId).orderBy('id').execute()).map((r) => r.action);

it(`${PARALLEL} activations at once with the same link and code: exactly one activates the account, once`, async () => {
  const issued: IssuedActivation[] = [];
  await sendActivations(recordingIssued(t.core.deps, issued), actor, [accountId]);
  const invitation = issued[0] as IssuedActivation;
  const opened = await Promise.all(Array.from({ length: PARALLEL }, () => t.core.portalCall(portalSlot(), 'portal-links:open', { kind: 'activation', token: invitation.token })));
  const outcomes = await Promise.all(
    opened.map(({ state }) =>
      t.core.portalCall(portalSlot(), 'portal-activation:activate', { state, code: invitation.code, password: 'Lantern-Orbit-42' }).then(
        () => 'activated',
        (error: unknown) => (error as { code?: string }).code ?? String(error),
      ),
    ),
  );
  expect(outcomes.filter((o) => o === 'activated')).toHaveLength(1);
  expect(outcomes.filter((o) => o !== 'activated').every((o) => o === 'INVALID_TOKEN')).toBe(true);
  expect((await t.call('portal-accounts:get', { id: accountId })).status).toBe('active');
  expect((await auditActions()).filter((a) => a === 'activated')).toHaveLength(1);
  const welcome = await t.core.deps.db.selectFrom('outbox_mail').select('id').where('account_id', '=', accountId).where('kind', '=', 'welcome').execute();
  expect(welcome).toHaveLength(1);
  const { tallies, recount } = await talliesAndRecount();
  expect(tallies).toEqual(recount);
});

it(`${PARALLEL} activation sends at once for one account: each is sent and audited, one token stays open`, async () => {
  const reports = await Promise.all(Array.from({ length: PARALLEL }, () => t.call('portal-accounts:send-activation', { ids: [accountId] })));
  expect(reports.flat().map((r) => r.outcome)).toEqual(Array(PARALLEL).fill('sent'));
  expect((await auditActions()).filter((a) => a === 'activation-sent')).toHaveLength(PARALLEL);
  const db = t.core.deps.db;
  const open = await db.selectFrom('portal_account_token').select('id').where('account_id', '=', accountId).where('used_at', 'is', null).where('voided_at', 'is', null).execute();
  expect(open).toHaveLength(1);
  expect(await db.selectFrom('outbox_mail').select('id').where('account_id', '=', accountId).where('kind', '=', 'activation').execute()).toHaveLength(PARALLEL);
  const { tallies, recount } = await talliesAndRecount();
  expect(tallies).toEqual(recount);
});

it(`${PARALLEL} switches off and on at once: the audit records exactly the changes made, alternating, ending in the account's state`, async () => {
  const results = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => t.call('portal-accounts:set-active', { id: accountId, active: i % 2 === 1 })));
  expect(results).toHaveLength(PARALLEL);
  const changes = (await auditActions()).filter((a) => a === 'deactivated' || a === 'reactivated');
  // A change decided on a state another request had already changed would show twice in a row.
  expect(changes.length).toBeGreaterThan(0);
  changes.forEach((action, i) => expect(action).toBe(i % 2 === 0 ? 'deactivated' : 'reactivated'));
  const { active } = await t.call('portal-accounts:get', { id: accountId });
  expect(active).toBe(changes.at(-1) === 'reactivated');
  const { tallies, recount } = await talliesAndRecount();
  expect(tallies).toEqual(recount);
});
