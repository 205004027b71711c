import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../electron/core/db/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPostgresDatabase } from '../../electron/core/db/dialect/postgres';
import { readThrough } from '../../electron/core/db/read-cache';
import { startTestCore, type TestCore } from '../support/core';
import { customerWithPassword, signedInCustomer } from '../support/portal';
import { onPostgres } from '../support/test-database';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  vi.useRealTimers();
  await t.close();
});

const countOrganisations = async (db: Kysely<Database> = t.core.deps.db) => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM organisation`.execute(db)).rows[0]?.n);

describe('answers read again only after a change', () => {
  it('gives the same answer without reading while nothing changed', async () => {
    const read = vi.fn(() => countOrganisations());
    expect(await readThrough(t.core.deps, 'k', read)).toBe(0);
    expect(await readThrough(t.core.deps, 'k', read)).toBe(0);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads again after a write through the same connection', async () => {
    const read = vi.fn(() => countOrganisations());
    await readThrough(t.core.deps, 'k', read);
    await t.call('organisations:create', { name: 'Łódź Logistics' });
    expect(await readThrough(t.core.deps, 'k', read)).toBe(1);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('reads again after a commit by another connection to the same database (another process)', async () => {
    const read = vi.fn(() => countOrganisations());
    await readThrough(t.core.deps, 'k', read);
    const insert = "INSERT INTO organisation (name, name_key, search_key, language, internal, created_at, updated_at) VALUES ('Øst AS', 'ost as', 'ost as', 'default', FALSE, '2026-01-01', '2026-01-01')";
    if (onPostgres) {
      // Another Portier process on the database: its commit is announced (NOTIFY), heard within moments, well before answers age out (5 s).
      const other = await openPostgresDatabase(t.core.databaseFile);
      try {
        await sql.raw(insert).execute(other.db);
      } finally {
        await other.db.destroy();
      }
      await vi.waitFor(async () => expect(await readThrough(t.core.deps, 'k', read)).toBe(1), { timeout: 2_000, interval: 20 });
      return;
    }
    const other = new SQLite(t.core.databaseFile);
    try {
      other.prepare(insert).run();
    } finally {
      other.close();
    }
    expect(await readThrough(t.core.deps, 'k', read)).toBe(1);
  });

  it('never answers from the cache inside a transaction', async () => {
    const read = vi.fn(() => countOrganisations());
    await readThrough(t.core.deps, 'k', read);
    const inside = await t.core.deps.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO organisation (name, name_key, search_key, language, internal, created_at, updated_at) VALUES ('Ærø ApS', 'aero aps', 'aero aps', 'default', FALSE, '2026-01-01', '2026-01-01')`.execute(trx);
      // The transaction's own uncommitted row: only a fresh read sees it.
      return readThrough({ db: trx, clock: t.core.deps.clock }, 'k', () => countOrganisations(trx));
    });
    expect(inside).toBe(1);
  });

  it('reads again once an answer is 5 seconds old, so time-dependent rules are applied afresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const read = vi.fn(() => countOrganisations());
    await readThrough(t.core.deps, 'k', read);
    vi.setSystemTime(Date.now() + 4_000);
    await readThrough(t.core.deps, 'k', read);
    expect(read).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + 2_000);
    await readThrough(t.core.deps, 'k', read);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a customer signed out by staff (End all sessions) is signed out at the next request, cache or not', async () => {
    const customer = await customerWithPassword(t);
    const slot = await signedInCustomer(t, customer.username);
    expect(await t.core.portalCall(slot, 'portal-session:current', {})).not.toBeNull();
    await t.call('portal-accounts:end-sessions', { id: customer.accountId });
    expect(await t.core.portalCall(slot, 'portal-session:current', {})).toBeNull();
  });
});
