import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuickFilter } from '../../shared/api/portal-accounts';
import { activateAccount } from '../../electron/core/activation/activation-service';
import { InvitationSweep } from '../../electron/core/account-index/invitation-sweep';
import { letterOf } from '../../electron/core/documents/letter-document';
import { quickFilterCondition } from '../../electron/core/portal-accounts/account-status-repository';
import { startTestCore, type TestCore } from '../support/core';
import { sqlFor } from '../../electron/core/db/dialect/of-database';

/*
 * A quick filter and a search are one query of the search index, which holds each account's
 * quick-filter stage as of the last invitation sweep (migration 0024). Whatever happened since
 * (an invitation ran out, was sent again, the account was activated or deactivated, the clock
 * went back) the list's page and total must be exactly the accounts whose status says so now.
 */
const DAY = 86_400_000;
const t0 = Date.parse('2026-11-01T10:00:00.000Z');
let now = new Date(t0);
let t: TestCore;
const ids: Record<string, number> = {};

beforeEach(async () => {
  now = new Date(t0);
  t = await startTestCore({ clock: () => now });
  const org = await t.call('organisations:create', { name: 'Bouwbedrijf Rijn' });
  const group = await t.call('role-groups:create', { name: 'Readers', permissions: ['tickets.read'] });
  for (const name of ['anna.smit', 'bert.smit', 'carl.smit', 'dora.smit', 'eva.jansen']) {
    ids[name] = (await t.call('portal-accounts:create', { username: `${name}@example.nl`, links: [{ organisationId: org.id, isDefault: true }], roleGroupIds: [group.id] })).id;
  }
});
afterEach(async () => {
  await t.close();
});

const db = () => t.core.deps.db;
const at = (days: number) => (now = new Date(t0 + days * DAY));
const send = (...names: string[]) => t.call('portal-accounts:send-activation', { ids: names.map((n) => ids[n] as number) });
const sweep = () => new InvitationSweep({ deps: t.core.deps }).runOnce();
const nameOf = (id: number) => Object.keys(ids).find((n) => ids[n] === id);
const stageInIndex = async (name: string) =>
  (await db().selectFrom('portal_account').select('search_stage').where('id', '=', ids[name] as number).executeTakeFirstOrThrow()).search_stage;

/** What the list must show: the quick filter's own condition at the clock's now, and the term in the stored document. */
async function expected(filter: QuickFilter, term: string): Promise<string[]> {
  const condition = quickFilterCondition(filter, now.toISOString()) ?? sql`1 = 1`;
  const rows = await sql<{ id: number }>`
    SELECT a.id FROM portal_account a WHERE ${condition} AND ${sqlFor(db()).includes(sql.ref('a.search_document'), term)} ORDER BY a.username_key`.execute(db());
  return rows.rows.map((r) => nameOf(r.id) ?? '?');
}

/**
 * The list's names and total for the filter and "smit": one full page, and pages of one (a
 * full page: the total then comes from the index's hits, not from a page that ran short).
 */
async function listed(filter: QuickFilter): Promise<string[]> {
  const all = await t.call('portal-accounts:list', { filter, search: 'smit', limit: 50 });
  const first = await t.call('portal-accounts:list', { filter, search: 'SMIT', limit: 1 });
  const names = all.rows.map((r) => nameOf(r.id) ?? '?');
  expect(first, `${filter}: a page of one`).toMatchObject({ total: names.length, totalExact: true });
  expect(first.rows.map((r) => nameOf(r.id)), `${filter}: a page of one`).toEqual(names.slice(0, 1));
  expect(all.total, filter).toBe(names.length);
  expect(names, `${filter}: the list agrees with the status rules`).toEqual(await expected(filter, 'smit'));
  return names;
}

describe('a quick filter with a search', () => {
  it('is exact when invitations run out between sweeps, are sent again, activated or deactivated, and when the clock goes back', async () => {
    await send('anna.smit', 'bert.smit', 'carl.smit', 'eva.jansen');
    expect(await listed('invited')).toEqual(['anna.smit', 'bert.smit', 'carl.smit']);
    expect(await listed('never_invited')).toEqual(['dora.smit']);

    // Deactivated: the status says so; the activation's life (the quick filter) is unchanged.
    await t.call('portal-accounts:set-active', { id: ids['carl.smit'] as number, active: false });
    expect(await listed('invited')).toEqual(['anna.smit', 'bert.smit', 'carl.smit']);

    // The customer activates: bert leaves "invited" for "activated" in the same transaction.
    const mail = await db().selectFrom('outbox_mail').select('secret_enc').where('account_id', '=', ids['bert.smit'] as number).where('kind', '=', 'activation').executeTakeFirstOrThrow();
    const letter = await db().selectFrom('document').select('payload_enc').where('account_id', '=', ids['bert.smit'] as number).executeTakeFirstOrThrow();
    const token = t.core.deps.secretBox.decrypt(mail.secret_enc ?? '');
    await activateAccount(t.core.deps, { token, code: letterOf(t.core.deps.secretBox, letter.payload_enc ?? '').code, password: 'Lantern-Orbit-42' });
    expect(await stageInIndex('bert.smit')).toBe('act');
    expect(await listed('invited')).toEqual(['anna.smit', 'carl.smit']);
    expect(await listed('activated')).toEqual(['bert.smit']);

    // Fifteen days on, no sweep yet: the index still says "invited" for anna and carl, the list does not.
    at(15);
    expect(await stageInIndex('anna.smit')).toBe('inv');
    expect(await listed('invited')).toEqual([]);
    expect(await listed('invitation_expired')).toEqual(['anna.smit', 'carl.smit']);

    // Sent again (carl is deactivated and is skipped): anna is invited until day 29.
    await t.call('portal-accounts:set-active', { id: ids['carl.smit'] as number, active: true });
    await send('anna.smit');
    expect(await listed('invited')).toEqual(['anna.smit']);
    expect(await listed('invitation_expired')).toEqual(['carl.smit']);

    // The sweep catches up with carl (eva ran out too), and nothing changes in the list.
    expect(await sweep()).toBe(2);
    expect(await stageInIndex('carl.smit')).toBe('exp');
    expect(await listed('invited')).toEqual(['anna.smit']);
    expect(await listed('invitation_expired')).toEqual(['carl.smit']);
    expect(await sweep()).toBe(0);

    // The clock goes back to day 10: carl's invitation is open again although the index says it ran out.
    at(10);
    expect(await listed('invited')).toEqual(['anna.smit', 'carl.smit']);
    expect(await listed('invitation_expired')).toEqual([]);
    expect(await sweep()).toBe(2);
    expect(await stageInIndex('carl.smit')).toBe('inv');
    expect(await listed('invited')).toEqual(['anna.smit', 'carl.smit']);
  });

  it('is exact when a changed username ends an open invitation at once', async () => {
    await send('anna.smit', 'bert.smit');
    await t.call('portal-accounts:change-username', { id: ids['anna.smit'] as number, username: 'anna.smit-de-wit@example.nl' });
    expect(await stageInIndex('anna.smit')).toBe('inv');
    expect(await listed('invited')).toEqual(['bert.smit']);
    expect(await listed('invitation_expired')).toEqual(['anna.smit']);
  });

  it('is swept by the back office at start and then on its timer, until stopped', async () => {
    await send('anna.smit', 'bert.smit');
    at(15);
    const running = new InvitationSweep({ deps: t.core.deps, intervalMs: 10 });
    running.start();
    await expect.poll(() => stageInIndex('anna.smit')).toBe('exp');
    at(5);
    await expect.poll(() => stageInIndex('anna.smit')).toBe('inv');
    await running.stop();
    at(15);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await stageInIndex('bert.smit')).toBe('inv');
    expect(await listed('invitation_expired')).toEqual(['anna.smit', 'bert.smit']);
  });

  it('never finds the index\'s stage words in a search: "inv" is looked for in the documents only', async () => {
    await send('anna.smit');
    const found = await t.call('portal-accounts:list', { search: 'inv' });
    expect(found.rows).toEqual([]);
    expect(await t.call('portal-accounts:list', { filter: 'invited', search: 'inv' })).toMatchObject({ rows: [], total: 0 });
    expect((await t.call('portal-accounts:list', { search: 'act' })).rows).toEqual([]);
  });
});
