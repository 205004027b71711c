import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { ACCOUNT_SORTS, ACCOUNT_TOTAL_CAP } from '../../shared/api/portal-accounts';
import { searchKey } from '../../shared/text-key';
import { refreshAccountIndex } from '../../electron/core/account-index/account-index-repository';
import { listPortalAccounts } from '../../electron/core/portal-accounts/account-list-repository';
import { startTestCore, type TestCore } from '../support/core';

/*
 * Pages of a search, on both databases. PostgreSQL counts a search by reading its matches, so it
 * sorts the page from the matches it counts (up to the cap) in one statement; past the cap, or
 * past the end, it walks the sort order as before. Every page must be the page the plain walk
 * gives (asked with exactTotal, which always walks and counts apart), with the same total.
 */

const ACCOUNTS = ACCOUNT_TOTAL_CAP + 300;
const now = new Date('2026-12-06T12:00:00Z');
const DAY = 86_400_000;
let t: TestCore;

/** Names with accents; every third account invited (some of those run out), every fifth activated. */
const FIRST = ['émile', 'jan', 'łucja', 'søren', 'ștefan', 'grete'];
const username = (i: number) => `${FIRST[i % FIRST.length]}.${i % 3 === 0 ? 'smit' : 'jansen'}${i}@org${i % 11}.example`;

beforeAll(async () => {
  t = await startTestCore();
  const db = t.core.deps.db;
  const at = now.toISOString();
  const ids: number[] = [];
  for (let start = 0; start < ACCOUNTS; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, ACCOUNTS - start) }, (_, k) => {
      const i = start + k;
      const invited = i % 3 === 0;
      return {
        username: username(i),
        username_key: searchKey(username(i)),
        language: 'nl' as const,
        active: 1,
        created_at: at,
        updated_at: at,
        activation_sent_at: invited ? at : null,
        activation_expires_at: invited ? new Date(now.getTime() + (i % 2 === 0 ? -1 : 7) * DAY).toISOString() : null,
        activated_at: i % 5 === 0 && !invited ? at : null,
        last_sign_in_at: i % 7 === 0 ? new Date(now.getTime() - (i % 13) * DAY).toISOString() : null,
      };
    });
    ids.push(...(await db.insertInto('portal_account').values(batch).returning('id').execute()).map((r) => r.id));
  }
  await refreshAccountIndex(db, { accountIds: ids });
  // Person keys that repeat (ties broken by id) and are missing for some (empty ones sort first).
  await sql`UPDATE portal_account SET person_sort = CASE WHEN id % 4 = 0 THEN NULL ELSE 'p' || (id % 97) END`.execute(db);
});
afterAll(async () => {
  await t.close();
});

const list = (input: Record<string, unknown>) => listPortalAccounts(t.core.deps.db, contract['portal-accounts:list'].input.parse(input), now);

/** The page and total `input` gives, next to what the plain walk gives for it. */
async function both(input: Record<string, unknown>) {
  const [page, walked] = await Promise.all([list(input), list({ ...input, exactTotal: true })]);
  return { page, walked };
}

describe('a page of a search', () => {
  it('is the page the walk gives, in every order and direction, first, middle and last, with the exact total', async () => {
    for (const sort of ACCOUNT_SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        const first = await both({ search: 'SMIT', sort, direction, limit: 40 });
        const where = `smit by ${sort} ${direction}`;
        expect(first.page.rows.map((r) => r.id), where).toEqual(first.walked.rows.map((r) => r.id));
        expect(first.page.rows, where).toHaveLength(40);
        // Every third account is a Smit.
        expect(first.page, where).toMatchObject({ total: Math.ceil(ACCOUNTS / 3), totalExact: true });
        for (const offset of [1700, first.page.total - 25]) {
          const later = await both({ search: 'smit', sort, direction, offset, limit: 40 });
          expect(later.page.rows.map((r) => r.id), `${where} at ${offset}`).toEqual(later.walked.rows.map((r) => r.id));
          expect(later.page.total, `${where} at ${offset}`).toBe(first.page.total);
        }
      }
    }
  });

  it('with a quick filter, accents and case ignored, gives the walk\'s page and total', async () => {
    for (const filter of ['invited', 'invitation_expired', 'activated', 'never_invited'] as const) {
      for (const search of ['ÉMILE', 'Łucja.SMIT', 'sØren', 'stefan.smit']) {
        const { page, walked } = await both({ filter, search, offset: 30, limit: 30 });
        expect(page.rows.map((r) => r.id), `${filter} "${search}"`).toEqual(walked.rows.map((r) => r.id));
        expect(page, `${filter} "${search}"`).toMatchObject({ total: walked.total, totalExact: true });
      }
    }
    // Invited and running: the odd Smits (even ones ran out yesterday).
    const invited = await list({ filter: 'invited', search: 'smit', limit: 10 });
    expect(invited.total).toBe(Math.floor(Math.ceil(ACCOUNTS / 3) / 2));
    expect(invited.rows.every((r) => r.status === 'invited' && r.username.includes('smit'))).toBe(true);
  });

  it(`past ${ACCOUNT_TOTAL_CAP.toLocaleString('en')} matches, walks the order and says "more than"`, async () => {
    for (const sort of ['username', 'person', 'lastSignInAt'] as const) {
      const { page, walked } = await both({ search: 'example', sort, offset: 5000, limit: 50 });
      expect(page.rows.map((r) => r.id), sort).toEqual(walked.rows.map((r) => r.id));
      expect(page, sort).toMatchObject({ total: ACCOUNT_TOTAL_CAP, totalExact: false });
      expect(walked, sort).toMatchObject({ total: ACCOUNTS, totalExact: true });
    }
  });

  it('past the end is empty and still knows the total', async () => {
    const { page, walked } = await both({ search: 'jansen', offset: ACCOUNTS, limit: 50 });
    expect(page.rows).toEqual([]);
    expect(walked.rows).toEqual([]);
    expect(page).toMatchObject({ total: ACCOUNTS - Math.ceil(ACCOUNTS / 3), totalExact: true });
  });
});
