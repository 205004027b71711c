import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { searchKey } from '../../shared/text-key';
import { refreshAccountIndex } from '../../electron/core/account-index/account-index-repository';
import { listPortalAccounts } from '../../electron/core/portal-accounts/account-list-repository';
import { planAccountSearch } from '../../electron/core/portal-accounts/account-search-repository';
import { startTestCore, type TestCore } from '../support/core';
import { onPostgres } from '../support/test-database';

/*
 * A long search term (a whole username) on both databases. On PostgreSQL the pg_trgm index is asked
 * for the term's rarest part, chosen from the documents' trigram statistics (migration 0036), and
 * each row it gives is tested for the whole term: the same accounts as SQLite's FTS5 index finds.
 */

const ACCOUNTS = 600;
const now = new Date('2026-12-06T12:00:00Z');
let t: TestCore;

/** user<i>@org<i % 7>.example, one of them with accented letters in its username. */
const username = (i: number) => (i === 123 ? 'émile.østergård.123@org4.example' : `user${i}@org${i % 7}.example`);

beforeAll(async () => {
  t = await startTestCore();
  const db = t.core.deps.db;
  const at = now.toISOString();
  const rows = await db
    .insertInto('portal_account')
    .values(Array.from({ length: ACCOUNTS }, (_, i) => ({ username: username(i), username_key: searchKey(username(i)), language: 'nl' as const, active: 1, created_at: at, updated_at: at })))
    .returning('id')
    .execute();
  await refreshAccountIndex(db, { accountIds: rows.map((r) => r.id) });
  // What autovacuum does after many changes; the statistics of migration 0036 come with it.
  if (onPostgres) await sql`ANALYZE portal_account`.execute(db);
});
afterAll(async () => {
  await t.close();
});

const search = async (text: string) => {
  const page = await listPortalAccounts(t.core.deps.db, contract['portal-accounts:list'].input.parse({ search: text }), now);
  return { usernames: page.rows.map((r) => r.username), total: page.total };
};

describe('a search for a whole username', () => {
  it('finds exactly that account, any case, accents ignored', async () => {
    expect(await search('user345@org2.example')).toEqual({ usernames: ['user345@org2.example'], total: 1 });
    expect(await search('ÉMILE.ØSTERGÅRD.123@ORG4')).toEqual({ usernames: ['émile.østergård.123@org4.example'], total: 1 });
  });

  it('finds nothing when only a part of the term is in a document', async () => {
    // user345 is at org2: its rare part is in one document, the whole term in none.
    expect(await search('user345@org3.example')).toEqual({ usernames: [], total: 0 });
  });

  it('finds every account a shorter term is part of', async () => {
    const found = await search('r34');
    expect(found.usernames).toEqual(expect.arrayContaining(['user34@org6.example', 'user340@org4.example', 'user349@org6.example']));
    expect(found.total).toBe(11);
  });

  it.runIf(onPostgres)('asks the PostgreSQL index for the parts without common trigrams and tests the whole term on each row (PostgreSQL only: SQLite reads the term’s positions)', async () => {
    const db = t.core.deps.db;
    const planned = await planAccountSearch(db, 'user345@org2.example', { sortIndexed: true, cap: 10_001 });
    const compiled = planned.condition.compile(db);
    expect(compiled.sql).toContain('strpos(a.search_document');
    const parameters = compiled.parameters as string[];
    const whole = parameters.at(-1);
    const parts = parameters.slice(0, -1).map((pattern) => pattern.slice(1, -1));
    expect(whole).toBe('user345@org2.example');
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      expect(part).not.toContain('example');
      expect(whole).toContain(part);
    }
  });

  it.runIf(onPostgres)('asks for the whole of a common name, which no part of it beats (PostgreSQL only)', async () => {
    const planned = await planAccountSearch(t.core.deps.db, 'example', { sortIndexed: true, cap: 10_001 });
    expect(planned.condition.compile(t.core.deps.db).sql).not.toContain('strpos');
  });
});
