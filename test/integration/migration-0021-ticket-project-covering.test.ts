import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0021', (opened) => (db = opened));

const now = '2026-01-01T00:00:00.000Z';

it('0021: ticket_project_covering replaces ticket_project, keeps the tickets, and serves a contact list and count from the index alone', async () => {
  await migrateTo(db, 20);
  await sql`INSERT INTO organisation (id, name, name_key, search_key, language, internal, created_at, updated_at) VALUES (1, 'Ørsted', 'orsted', 'orsted', 'default', 0, ${now}, ${now})`.execute(db);
  await sql`INSERT INTO project (id, organisation_id, name, name_key, created_at, updated_at) VALUES (1, 1, 'Website', 'website', ${now}, ${now})`.execute(db);
  await sql`INSERT INTO task (id, project_id, name, name_key, created_at, updated_at) VALUES (1, 1, 'Design', 'design', ${now}, ${now})`.execute(db);
  await sql`INSERT INTO ticket (number, title, title_key, status, priority, project_id, task_id, created_at, updated_at)
            VALUES (10001, 'Logo', 'logo', 'new', 'high', 1, 1, ${now}, ${now}), (10002, 'Menu', 'menu', 'done', 'low', 1, 1, ${now}, ${now})`.execute(db);

  await migrateTo(db, 21);

  const columns = await sql<{ name: string }>`SELECT name FROM pragma_index_info('ticket_project_covering') ORDER BY seqno`.execute(db);
  expect(columns.rows.map((c) => c.name)).toEqual(['project_id', 'task_id', 'status', 'priority', 'updated_at', 'number', 'title_key']);
  const old = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name = 'ticket_project'`.execute(db);
  expect(old.rows[0]?.n).toBe(0);

  // The shape of every contact list: the rights' index ranges, a status tested on them, sorted, counted.
  const page = sql`SELECT id FROM ticket WHERE (project_id = 1 OR (project_id = 2 AND task_id = 3)) AND status || '' IN ('new', 'done')
                   AND instr(title_key, 'o') > 0 ORDER BY updated_at DESC, number DESC LIMIT 50`;
  const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${page}`.execute(db);
  expect(plan.rows.map((r) => r.detail).filter((d) => d.startsWith('SEARCH ticket'))).toEqual([
    'SEARCH ticket USING COVERING INDEX ticket_project_covering (project_id=?)',
    'SEARCH ticket USING COVERING INDEX ticket_project_covering (project_id=? AND task_id=?)',
  ]);
  expect((await sql<{ number: number }>`SELECT number FROM ticket ORDER BY number`.execute(db)).rows).toEqual([{ number: 10001 }, { number: 10002 }]);
});
