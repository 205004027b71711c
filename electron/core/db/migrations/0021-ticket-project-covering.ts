import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/*
 * A contact's ticket list (view as contact, the portal, `tickets list --as`) is driven by the
 * contact's rights: one index range per right, ticket_project (project_id, task_id, ...). With
 * only updated_at after the task, every ticket in those ranges was read from the table to test
 * the quick link's statuses, the priority or the search text and to sort it: thousands of
 * scattered pages for a big customer (580 ms p50 at 1M tickets; bench/ticket-view.bench.ts).
 * This index holds every column the contact list filters, sorts and counts by, so the list finds
 * its page and its total in the index alone and reads only the page's 50 rows. It replaces
 * ticket_project: same leading columns, so every query that used it still can.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'ticket-project-covering',
  async up(db: Kysely<unknown>) {
    await sql`DROP INDEX ticket_project`.execute(db);
    await sql`CREATE INDEX ticket_project_covering ON ticket (project_id, task_id, status, priority, updated_at, number, title_key)`.execute(db);
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`DROP INDEX ticket_project`.execute(db);
    await sql`CREATE INDEX ticket_project_covering ON ticket (project_id, task_id, status, priority, updated_at, number, title_key)`.execute(db);
  },
};
