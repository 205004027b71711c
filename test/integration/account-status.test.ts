import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_STATUSES, QUICK_FILTERS } from '../../shared/api/portal-accounts';
import { accountStatus, type StatusColumns } from '../../electron/core/portal-accounts/account-status';
import { quickFilterCondition, statusCondition, statusExpression, statusRank } from '../../electron/core/portal-accounts/account-status-repository';
import { tallyTotal } from '../../electron/core/portal-accounts/account-tally-repository';
import { contract } from '../../shared/api';
import { startTestCore, type TestCore } from '../support/core';

/**
 * The status has two implementations: accountStatus() for one account and SQL for the
 * list. For random accounts and random moments they must agree, and every status and
 * quick-filter condition must select exactly the accounts the rules say.
 */
let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(async () => {
  await t.close();
});

const BASE = Date.parse('2026-11-01T00:00:00.000Z');
const instant = fc.integer({ min: -5, max: 5 }).map((d) => new Date(BASE + d * 86_400_000).toISOString());
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const accountArb: fc.Arbitrary<StatusColumns & { password_hash: string | null }> = fc.record({
  active: fc.constantFrom(0, 1),
  locked_until: maybe(instant),
  activated_at: maybe(instant),
  password_hash: fc.constantFrom(null, '$argon2id$x'),
  activation_sent_at: maybe(instant),
  activation_expires_at: maybe(instant),
});

const QUICK: Record<(typeof QUICK_FILTERS)[number], (s: StatusColumns & { password_hash: string | null }, now: string) => boolean> = {
  all: () => true,
  never_invited: (a) => a.activated_at === null && a.password_hash === null && a.activation_sent_at === null,
  invited: (a, now) => a.activated_at === null && a.password_hash === null && a.activation_sent_at !== null && (a.activation_expires_at === null || a.activation_expires_at > now),
  invitation_expired: (a, now) => a.activated_at === null && a.password_hash === null && a.activation_sent_at !== null && a.activation_expires_at !== null && a.activation_expires_at <= now,
  activated: (a) => a.activated_at !== null || a.password_hash !== null,
};

describe('account status', () => {
  it('is the same in SQL as in code, every status and quick filter selects exactly its accounts, and the kept tallies give the same totals', async () => {
    const db = t.core.deps.db;
    await fc.assert(
      fc.asyncProperty(fc.array(accountArb, { minLength: 1, maxLength: 25 }), instant, async (accounts, nowIso) => {
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('portal_account').execute();
          let n = 0;
          for (const a of accounts) {
            n += 1;
            // Half are inserted as they are, half inserted blank and then changed, so both tally triggers run.
            if (n % 2 === 0) {
              await trx.insertInto('portal_account').values({ ...a, username: `u${n}@example.com`, username_key: `u${n}@example.com`, language: 'default', created_at: nowIso, updated_at: nowIso }).execute();
            } else {
              await trx.insertInto('portal_account').values({ username: `u${n}@example.com`, username_key: `u${n}@example.com`, language: 'default', active: 1, created_at: nowIso, updated_at: nowIso }).execute();
              await trx.updateTable('portal_account').set(a).where('username_key', '=', `u${n}@example.com`).execute();
            }
          }
        });
        const rows = await sql<{ username: string; status: string; rank: number }>`
          SELECT a.username, ${statusExpression(nowIso)} AS status, ${statusRank(nowIso)} AS rank FROM portal_account a ORDER BY a.id`.execute(db);
        const expected = accounts.map((a) => accountStatus(a, new Date(nowIso)));
        expect(rows.rows.map((r) => r.status)).toEqual(expected);
        expect(rows.rows.map((r) => r.rank)).toEqual(expected.map((s) => ACCOUNT_STATUSES.indexOf(s)));
        for (const status of ACCOUNT_STATUSES) {
          const picked = await sql<{ n: number }>`SELECT count(*) AS n FROM portal_account a WHERE ${statusCondition(db, status, nowIso)}`.execute(db);
          expect(picked.rows[0]?.n, status).toBe(expected.filter((s) => s === status).length);
        }
        for (const filter of QUICK_FILTERS) {
          const condition = quickFilterCondition(filter, nowIso) ?? sql`1 = 1`;
          const picked = await sql<{ n: number }>`SELECT count(*) AS n FROM portal_account a WHERE ${condition}`.execute(db);
          const expectedCount = accounts.filter((a) => QUICK[filter](a, nowIso)).length;
          expect(picked.rows[0]?.n, filter).toBe(expectedCount);
          // The total from the kept tallies agrees with counting the rows.
          expect(await tallyTotal(db, contract['portal-accounts:list'].input.parse({ filter }), nowIso), `tally ${filter}`).toBe(expectedCount);
        }
        for (const status of ACCOUNT_STATUSES) {
          expect(await tallyTotal(db, contract['portal-accounts:list'].input.parse({ status }), nowIso), `tally ${status}`).toBe(expected.filter((s) => s === status).length);
        }
      }),
      { numRuns: 60 },
    );
  });
});
