import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAccounts } from '../../bench/generate-accounts';
import { contract } from '../../shared/api';
import { ACCOUNT_TOTAL_CAP } from '../../shared/api/portal-accounts';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { listPortalAccounts } from '../../electron/core/portal-accounts/account-list-repository';
import { FREQUENT_TERM_HITS, planAccountSearch } from '../../electron/core/portal-accounts/account-search-repository';
import { countMatchingAccounts, matchingAccounts } from '../../electron/core/portal-accounts/account-selection-repository';
import { quickFilterCondition } from '../../electron/core/portal-accounts/account-status-repository';
import { sweepInvitationStages } from '../../electron/core/account-index/account-index-repository';
import type { QuickFilter } from '../../shared/api/portal-accounts';
import { sql } from 'kysely';

const ACCOUNTS = 12_000;
const now = new Date('2026-12-04T12:00:00Z');
let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-total-'));
  const opened = await openDatabase(path.join(dir, 'portier.sqlite'));
  db = opened.db;
  generateAccounts(opened.sqlite, ACCOUNTS, now);
});
afterAll(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const list = (input: Record<string, unknown>) => listPortalAccounts(db, contract['portal-accounts:list'].input.parse(input), now);

describe('the account list total', () => {
  it(`counts a broad search only up to ${ACCOUNT_TOTAL_CAP.toLocaleString('en')} and says so`, async () => {
    // Every generated username ends in .example: all 12,000 match.
    const page = await list({ search: 'example' });
    expect(page.rows).toHaveLength(100);
    expect(page).toMatchObject({ total: ACCOUNT_TOTAL_CAP, totalExact: false });
  });

  it('counts every match when asked for the exact number', async () => {
    expect(await list({ search: 'example', exactTotal: true })).toMatchObject({ total: ACCOUNTS, totalExact: true });
  });

  it('gives the exact total below the cap, and for filters the tallies answer', async () => {
    const narrow = await list({ search: 'org7.example' });
    expect(narrow.totalExact).toBe(true);
    expect(narrow.total).toBeGreaterThan(0);
    expect(narrow.total).toBeLessThan(ACCOUNT_TOTAL_CAP);
    expect(await list({})).toMatchObject({ total: ACCOUNTS, totalExact: true });
  });

  it('knows the total from a last page that is not full, at any offset', async () => {
    const all = await list({ search: 'org7.example', exactTotal: true });
    const last = await list({ search: 'org7.example', offset: all.total - 3, limit: 10 });
    expect(last.rows).toHaveLength(3);
    expect(last).toMatchObject({ total: all.total, totalExact: true });
  });
});

describe('the search plan', () => {
  it('walks the sort order for a frequent term and gives the same pages as sorting every hit', async () => {
    // org1, org10-org19, org100-org199: about half of the 240 organisations' accounts.
    const plan = await planAccountSearch(db, 'org1', { sortIndexed: true, cap: ACCOUNT_TOTAL_CAP + 1 });
    expect(plan.plan).toBe('walk');
    expect(plan.hits).toBeGreaterThanOrEqual(FREQUENT_TERM_HITS);
    for (const [sort, order] of [
      ['person', 'a.person_sort COLLATE NOCASE, a.id'],
      ['username', 'a.username_key'],
    ] as const) {
      for (const offset of [0, 700]) {
        const page = await list({ search: 'ORG1', sort, offset, limit: 50 });
        const expected = await sql<{ id: number }>`
          SELECT a.id FROM portal_account a
          WHERE a.id IN (SELECT rowid FROM portal_account_search WHERE portal_account_search MATCH '"org1"')
          ORDER BY ${sql.raw(order)} LIMIT 50 OFFSET ${offset}`.execute(db);
        expect(page.rows.map((r) => r.id), `${sort} at ${offset}`).toEqual(expected.rows.map((r) => r.id));
      }
    }
  });

  it('walks with another filter too, testing row ids against the hits, and finds what collecting every hit finds', async () => {
    const page = await list({ search: 'org1', filter: 'activated', offset: 100, limit: 50 });
    const expected = await sql<{ id: number }>`
      SELECT a.id FROM portal_account a
      WHERE a.access_stage = 2 AND a.id IN (SELECT rowid FROM portal_account_search WHERE portal_account_search MATCH '"org1"')
      ORDER BY a.username_key LIMIT 50 OFFSET 100`.execute(db);
    expect(page.rows.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));
    // One or two characters have no trigrams: every stored document is read.
    const short = await list({ search: 'g1', limit: 20 });
    expect(short.rows.length).toBe(20);
    expect(short.rows.every((r) => r.username.includes('g1'))).toBe(true);
  });

  it('lets the hits drive a rare term, and a status sort (no index to walk)', async () => {
    const rare = await list({ search: 'org7.example' });
    expect((await planAccountSearch(db, 'org7.example', { sortIndexed: true, cap: ACCOUNT_TOTAL_CAP + 1 })).plan).toBe('index');
    expect(rare.rows.every((r) => r.username.includes('org7.example'))).toBe(true);
    expect((await planAccountSearch(db, 'jansen', { sortIndexed: false, cap: ACCOUNT_TOTAL_CAP + 1 })).plan).toBe('index');
  });
});

describe('a quick filter with a search, from the index\'s stages', () => {
  const DAY = 86_400_000;
  /** The accounts of the filter at `at` whose documents hold the term, by the status rules, in username order. */
  const expected = async (filter: QuickFilter, term: string, at: Date) => {
    const rows = await sql<{ id: number }>`
      SELECT a.id FROM portal_account a WHERE ${quickFilterCondition(filter, at.toISOString()) ?? sql`1 = 1`} AND instr(a.search_document, ${term}) > 0
      ORDER BY a.username_key`.execute(db);
    return rows.rows.map((r) => r.id);
  };

  // Last in this file: it sweeps, and ends with the stages as the generator left them (swept at now).
  it('gives exact pages and totals, walking or driven by the hits, between sweeps and with the clock gone back, and bulk actions reach the same accounts', async () => {
    const later = new Date(now.getTime() + 15 * DAY);
    // Fifteen days on, every open invitation has run out: about 1,800 accounts the index still calls invited.
    const moments: [Date, boolean][] = [[now, false], [later, false], [later, true], [now, false], [now, true]];
    for (const [at, sweepFirst] of moments) {
      if (sweepFirst) await sweepInvitationStages(db, at.toISOString());
      for (const filter of ['invited', 'invitation_expired', 'activated', 'never_invited'] as const) {
        for (const term of ['org1', 'example', 'org7.example']) {
          const all = await expected(filter, term, at);
          const page = await listPortalAccounts(db, contract['portal-accounts:list'].input.parse({ filter, search: term, offset: 40, limit: 30 }), at);
          const where = `${filter} "${term}" at ${at.toISOString()}${sweepFirst ? ', swept' : ''}`;
          expect(page.rows.map((r) => r.id), where).toEqual(all.slice(40, 70));
          expect(page, where).toMatchObject({ total: all.length, totalExact: true });
        }
      }
    }
    // After the sweep at `later`, going back to `now` reopened ~1,800 invitations the index calls run out.
    await sweepInvitationStages(db, later.toISOString());
    const reopened = await listPortalAccounts(db, contract['portal-accounts:list'].input.parse({ filter: 'invited', search: 'example', limit: 20 }), now);
    const invited = await expected('invited', 'example', now);
    expect(reopened.rows.map((r) => r.id)).toEqual(invited.slice(0, 20));
    expect(reopened.total).toBe(invited.length);
    const expiredPlan = await planAccountSearch(db, 'example', { sortIndexed: true, cap: ACCOUNT_TOTAL_CAP + 1, quick: { filter: 'invitation_expired', now: later.toISOString() } });
    expect(expiredPlan).toMatchObject({ plan: 'walk', hits: (await expected('invitation_expired', 'example', later)).length, withQuickFilter: true });
    await sweepInvitationStages(db, now.toISOString());

    // A bulk action counts only up to 2,000 hits in its plan: past that, the page asks the index again.
    const activated = await expected('activated', 'example', now);
    expect(activated.length).toBeGreaterThan(FREQUENT_TERM_HITS);
    const matching = { filter: { filter: 'activated' as const, search: 'example' }, exceptIds: [] };
    expect(await countMatchingAccounts(db, matching, now)).toBe(activated.length);
    const firstIds = (await matchingAccounts(db, matching, now, 0, 25)).map((m) => m.id);
    expect(firstIds).toEqual([...activated].sort((a, b) => a - b).slice(0, 25));
  });
});
