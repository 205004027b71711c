import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqlFor } from '../../electron/core/db/dialect/of-database';
import { startTestCore, type TestCore } from '../support/core';
import { onPostgres } from '../support/test-database';

/**
 * Flags and times as the core sees them, the same on both databases (issue 13, migration 0033):
 * SQLite keeps 0/1 INTEGER and ISO TEXT; PostgreSQL keeps boolean and timestamptz, and its driver
 * reads them back as 1/0 and as the ISO string with milliseconds JavaScript writes.
 */
let t: TestCore;
beforeEach(async () => {
  t = await startTestCore({ withAdmin: false });
});
afterEach(async () => {
  await t.close();
});

/** Instants around a change of clocks in Europe, with milliseconds at both ends of the range. */
const TIMES = ['2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00.000Z', '2026-10-25T00:30:00.001Z'] as const;

describe('flags and times through the core', () => {
  it('come back as written: 1 and 0, ISO strings to the millisecond, also from expressions and aggregates', async () => {
    const db = t.core.deps.db;
    const ids: number[] = [];
    for (const [i, at] of TIMES.entries()) {
      const row = await db
        .insertInto('organisation')
        .values({ name: `Org ${i}`, name_key: `org ${i}`, search_key: `org ${i}`, language: 'default', internal: i === 1 ? 1 : 0, created_at: at, updated_at: at })
        .returning(['id', 'internal', 'created_at'])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ id: row.id, internal: i === 1 ? 1 : 0, created_at: at });
      ids.push(row.id);
    }
    const rows = await db.selectFrom('organisation').select(['internal', 'created_at', 'updated_at']).where('id', 'in', ids).orderBy('created_at', 'desc').execute();
    expect(rows).toEqual([...TIMES].reverse().map((at, i) => ({ internal: i === 1 ? 1 : 0, created_at: at, updated_at: at })));

    // A condition or comparison the database computes is 1/0 too (PostgreSQL's boolean, SQLite's integer).
    const computed = await sql<{ on: number; off: number; latest: string; earliest: string; before: number }>`
      SELECT (${ids[0]} = 0) AS off, (${ids[0]} > 0) AS "on",
             max(o.created_at) AS latest, min(o.created_at) AS earliest,
             count(*) FILTER (WHERE o.created_at < ${TIMES[1]}) AS before
      FROM organisation o WHERE ${sqlFor(db).idsIn('o.id', ids)}`.execute(db);
    expect(computed.rows[0]).toMatchObject({ on: 1, off: 0, latest: TIMES[2], earliest: TIMES[0], before: 1 });

    // The flag fragment finds exactly the flagged row, on and off.
    const flagged = await sql<{ id: number }>`SELECT o.id FROM organisation o WHERE ${sqlFor(db).flag('o.internal', true)} AND ${sqlFor(db).idsIn('o.id', ids)}`.execute(db);
    expect(flagged.rows.map((r) => r.id)).toEqual([ids[1]]);
    const unflagged = await sql<{ id: number }>`SELECT o.id FROM organisation o WHERE ${sqlFor(db).flag('o.internal', false)} AND ${sqlFor(db).idsIn('o.id', ids)} ORDER BY o.id`.execute(db);
    expect(unflagged.rows.map((r) => r.id)).toEqual([ids[0], ids[2]]);

    // A time given as text in a SELECT goes into a time column as that time.
    await sql`INSERT INTO audit_log (at, entity, action) SELECT ${sqlFor(db).instant(sql`${TIMES[2]}`)}, 'test', 'probe'`.execute(db);
    const audit = await db.selectFrom('audit_log').select('at').where('entity', '=', 'test').execute();
    expect(audit).toEqual([{ at: TIMES[2] }]);
  });

  it.skipIf(!onPostgres)('on PostgreSQL: keep the instant, whatever zone it was written in, and read it in UTC', async () => {
    const db = t.core.deps.db;
    const row = await db
      .insertInto('organisation')
      .values({ name: 'Zone', name_key: 'zone', search_key: 'zone', language: 'default', internal: 0, created_at: '2026-03-29T03:00:00.5+02:00', updated_at: TIMES[0] })
      .returning('created_at')
      .executeTakeFirstOrThrow();
    expect(row.created_at).toBe('2026-03-29T01:00:00.500Z');
    expect((await sql<{ zone: string }>`SELECT current_setting('TimeZone') AS zone`.execute(db)).rows[0]?.zone).toBe('UTC');
    expect((await sql<{ types: string }>`SELECT pg_typeof(internal)::text || ' ' || pg_typeof(created_at)::text AS types FROM organisation WHERE name = 'Zone'`.execute(db)).rows[0]?.types).toBe(
      'boolean timestamp with time zone',
    );
  });
});
