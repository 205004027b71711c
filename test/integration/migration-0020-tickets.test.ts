import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateTo, withMigrationDatabase } from '../support/migration-database';

let db: Kysely<unknown>;
withMigrationDatabase('0020', (opened) => (db = opened));

const run = (query: ReturnType<typeof sql>) => query.execute(db);
const now = '2026-01-01T00:00:00.000Z';

const right = (values: { person?: number | null; account?: number | null; org?: number | null; scope?: string; task?: number | null }) =>
  sql`INSERT INTO ticket_right (person_id, account_id, account_organisation_id, project_id, scope, task_id, read_only, created_at)
      VALUES (${values.person ?? null}, ${values.account ?? null}, ${values.org ?? null}, 1, ${values.scope ?? 'all_tasks'}, ${values.task ?? null}, 0, ${now})`;

it('0020 tickets: STRICT tables; a right is held by a person or by an account link, never both or neither; one_task names its task', async () => {
  await migrateTo(db, 20);
  const tables = await sql<{ name: string; strict: number }>`
    SELECT name, strict FROM pragma_table_list WHERE name IN ('project', 'task', 'ticket', 'ticket_assignment', 'ticket_comment', 'time_entry', 'hour_card', 'ticket_right', 'ticket_right_task', 'ticket_category', 'ticket_category_link') ORDER BY name`.execute(db);
  expect(tables.rows).toHaveLength(11);
  expect(tables.rows.every((t) => t.strict === 1)).toBe(true);

  await run(sql`INSERT INTO organisation (id, name, name_key, search_key, language, internal, created_at, updated_at) VALUES (1, 'Brouwerij Ørsted', 'brouwerij orsted', 'brouwerij orsted', 'default', 0, ${now}, ${now})`);
  await run(sql`INSERT INTO person (id, organisation_id, first_name, last_name, name_key, search_key, created_at, updated_at) VALUES (1, 1, 'Łucja', 'Șerban', 'serban lucja', 'serban lucja', ${now}, ${now})`);
  await run(sql`INSERT INTO portal_account (id, username, username_key, created_at, updated_at) VALUES (1, 'c@x.nl', 'c@x.nl', ${now}, ${now})`);
  await run(sql`INSERT INTO portal_account_link (account_id, organisation_id, person_id, is_default) VALUES (1, 1, NULL, 1)`);
  await run(sql`INSERT INTO project (id, organisation_id, name, name_key, created_at, updated_at) VALUES (1, 1, 'Website', 'website', ${now}, ${now})`);
  await run(sql`INSERT INTO task (id, project_id, name, name_key, created_at, updated_at) VALUES (1, 1, 'Design', 'design', ${now}, ${now})`);

  await run(right({ person: 1 }));
  await run(right({ account: 1, org: 1 }));
  await run(right({ person: 1, scope: 'one_task', task: 1 }));
  await expect(run(right({}))).rejects.toThrow(/CHECK/);
  await expect(run(right({ person: 1, account: 1, org: 1 }))).rejects.toThrow(/CHECK/);
  await expect(run(right({ account: 1 }))).rejects.toThrow(/CHECK/);
  await expect(run(right({ person: 1, scope: 'one_task' }))).rejects.toThrow(/CHECK/);
  await expect(run(right({ person: 1, task: 1 }))).rejects.toThrow(/CHECK/);
  // The link must exist: a right of an account for an organisation it is not linked to is refused.
  await run(sql`INSERT INTO organisation (id, name, name_key, search_key, language, internal, created_at, updated_at) VALUES (2, 'Other', 'other', 'other', 'default', 0, ${now}, ${now})`);
  await expect(run(right({ account: 1, org: 2 }))).rejects.toThrow(/FOREIGN KEY/);

  // A ticket needs a project and a task that exist; its status and priority are from the lists.
  const ticket = (number: number, status = 'new') =>
    sql`INSERT INTO ticket (number, title, title_key, status, priority, project_id, task_id, created_at, updated_at) VALUES (${number}, 'Logo', 'logo', ${status}, 'normal', 1, 1, ${now}, ${now})`;
  await run(ticket(10001));
  await expect(run(ticket(10001))).rejects.toThrow(/UNIQUE/);
  await expect(run(ticket(10002, 'open'))).rejects.toThrow(/CHECK/);
  // A project with tickets cannot go; an unlinked account link takes its rights with it.
  await expect(run(sql`DELETE FROM task WHERE id = 1`)).rejects.toThrow(/FOREIGN KEY/);
  await run(sql`DELETE FROM portal_account_link WHERE account_id = 1`);
  const left = await sql<{ n: number }>`SELECT count(*) AS n FROM ticket_right WHERE account_id IS NOT NULL`.execute(db);
  expect(left.rows[0]?.n).toBe(0);
});
