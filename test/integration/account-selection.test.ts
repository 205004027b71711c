import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api';
import type { AccountFilter, BulkStepResult } from '../../shared/api/portal-accounts';
import { matchingAccountIds } from '../../electron/core/portal-accounts/account-selection';
import { errorOf, startTestCore, type TestCore } from '../support/core';

/*
 * Bulk actions over "every account the list shows": the renderer sends the list's filter,
 * the core resolves it with the list's own conditions and changes the accounts a step at a
 * time. What they reach must be exactly what the list lists, minus the rows left out.
 */
let t: TestCore;
let brewery: { id: number };
let bakery: { id: number };
const now = new Date('2026-11-01T10:00:00.000Z');

beforeEach(async () => {
  t = await startTestCore({ clock: () => now });
  brewery = await t.call('organisations:create', { name: 'Brouwerij De Ster' });
  bakery = await t.call('organisations:create', { name: 'Bakkerij Korrel' });
  const group = await t.call('role-groups:create', { name: 'Readers', permissions: ['tickets.read'] });
  // 23 brewery accounts and 7 bakery accounts, created in turns so ids interleave.
  for (let i = 1; i <= 30; i++) {
    const organisationId = i % 4 === 0 && i <= 28 ? bakery.id : brewery.id;
    await t.call('portal-accounts:create', { username: `klant${String(i).padStart(2, '0')}@example.com`, links: [{ organisationId, isDefault: true }], roleGroupIds: [group.id] });
  }
});
afterEach(async () => {
  await t.close();
});

/** The ids the list shows for a filter, every page. */
async function listed(filter: AccountFilter): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 7) {
    const page = await t.call('portal-accounts:list', { ...filter, offset, limit: 7 });
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < 7) return ids.sort((a, b) => a - b);
  }
}

/** Runs a bulk channel step by step as the renderer does; returns every step's answer. */
async function stepThrough(run: (afterId: number) => Promise<BulkStepResult>): Promise<BulkStepResult[]> {
  const steps: BulkStepResult[] = [];
  let afterId: number | null = 0;
  while (afterId !== null) {
    const step: BulkStepResult = await run(afterId);
    steps.push(step);
    afterId = step.nextAfterId;
  }
  return steps;
}

const changedIn = (steps: BulkStepResult[]) => steps.flatMap((s) => s.outcomes.filter((o) => o.outcome === 'changed').map((o) => o.accountId));

describe('bulk changes over the accounts the list shows', () => {
  it('deactivate exactly the listed accounts bar the excepted ones, in steps, each audited, counting them on the first step', async () => {
    const filter: AccountFilter = { organisationId: brewery.id, search: 'klant1' };
    const shown = await listed(filter);
    expect(shown.length).toBe(8); // klant10..klant19 but the bakery's klant12 and klant16
    const except = [shown[0] as number, shown[5] as number];
    const input = (afterId: number): InputOf<'portal-accounts:set-active-matching'> => ({ filter, exceptIds: except, active: false, afterId, limit: 3 });
    const steps = await stepThrough((afterId) => t.call('portal-accounts:set-active-matching', input(afterId)));
    expect(steps[0]?.total).toBe(6);
    expect(steps.slice(1).every((s) => s.total === null)).toBe(true);
    // A full step may have been the last: the next one finds nothing and ends the walk.
    expect(steps.map((s) => s.outcomes.length)).toEqual([3, 3, 0]);
    const expected = shown.filter((id) => !except.includes(id));
    expect(changedIn(steps).sort((a, b) => a - b)).toEqual(expected);
    for (const id of shown) expect((await t.call('portal-accounts:get', { id })).active, `account ${id}`).toBe(except.includes(id));
    const audited = await t.call('audit:list', { entity: 'portal-account', limit: 100 });
    expect(audited.rows.filter((r) => r.action === 'deactivated').map((r) => r.entityId).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(expected);

    // Again: nothing to change, nothing audited.
    const again = await stepThrough((afterId) => t.call('portal-accounts:set-active-matching', { ...input(afterId), limit: 100 }));
    expect(again.flatMap((s) => s.outcomes.map((o) => o.outcome))).toEqual(Array(6).fill('unchanged'));
    expect((await t.call('audit:list', { entity: 'portal-account', limit: 100 })).total).toBe(audited.total);
  });

  it('delete the accounts of a status filter, and walk on past accounts the step itself removed from the filter', async () => {
    const all = await listed({});
    const off = [all[2], all[8], all[26]] as number[];
    for (const id of off) await t.call('portal-accounts:set-active', { id, active: false });
    const filter: AccountFilter = { status: 'deactivated' };
    expect(await listed(filter)).toEqual(off);
    const steps = await stepThrough((afterId) => t.call('portal-accounts:delete-matching', { filter, afterId, limit: 2 }));
    expect(changedIn(steps)).toEqual(off);
    expect(await listed(filter)).toEqual([]);
    expect((await t.call('portal-accounts:list', {})).total).toBe(27);
    expect((await errorOf(t.call('portal-accounts:get', { id: off[1] as number }))).code).toBe('NOT_FOUND');
  });

  it('reach what the list shows for quick filters, short and long searches and the organisation', async () => {
    const filters: AccountFilter[] = [{}, { filter: 'never_invited' }, { filter: 'activated' }, { search: '2' }, { search: 'korrel' }, { search: 'klant2', organisationId: bakery.id }];
    for (const filter of filters) {
      const ids = await matchingAccountIds(t.core.deps, { filter: { search: '', filter: 'all', ...filter }, exceptIds: [] }, 10_000);
      expect(ids, JSON.stringify(filter)).toEqual(await listed(filter));
    }
  });
});

describe('the activation preview over the accounts the list shows', () => {
  it('previews the same as for the listed ids', async () => {
    const filter: AccountFilter = { organisationId: bakery.id };
    const ids = await listed(filter);
    expect(ids.length).toBe(7);
    const byIds = await t.call('portal-accounts:preview-activation', { ids });
    expect(await t.call('portal-accounts:preview-activation-matching', { filter, exceptIds: [ids[2] as number] })).toEqual(byIds.filter((p) => p.accountId !== ids[2]));
  });

  it('refuses more accounts than one run may hold with the field error too_many, naming the limit', async () => {
    const error = await errorOf(matchingAccountIds(t.core.deps, { filter: { search: '', filter: 'all' }, exceptIds: [] }, 29));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({ filter: { code: 'too_many', max: 29 } });
    expect(await matchingAccountIds(t.core.deps, { filter: { search: '', filter: 'all' }, exceptIds: [] }, 30)).toHaveLength(30);
  });
});
