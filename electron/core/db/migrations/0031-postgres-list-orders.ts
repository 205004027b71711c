import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * PostgreSQL only (issue 13, the benchmarks at 1M): indexes that give the lists' orders as the
 * lists ask for them, so a page is an index walk, not a sort of every row.
 * - The account list sorts empty values first ascending, as SQLite does (nullsLow), and breaks
 *   ties by id; PostgreSQL's default indexes put nulls last and carry no id, so it sorted all
 *   accounts. The sort indexes are made again as (key NULLS FIRST, id), the person and
 *   organisation keys folded as the list folds them (lower(... COLLATE "C"), A-Z only, as NOCASE).
 * - ticket_project_covering carries the ticket's id (SQLite's indexes carry the rowid by
 *   themselves), so the view-as list is answered from the index alone.
 * Same names as before and as on SQLite, whose indexes already serve these orders: nothing to do there.
 */
export const migration0031: Migration = {
  version: 31,
  name: 'postgres-list-orders',
  up() {
    return Promise.resolve();
  },
  async upPostgres(db: Kysely<unknown>) {
    const remake = async (name: string, definition: string) => {
      await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db);
      await sql.raw(`CREATE INDEX ${name} ON ${definition}`).execute(db);
    };
    await remake('portal_account_person_sort', `portal_account (lower(person_sort COLLATE "C") NULLS FIRST, id)`);
    await remake('portal_account_organisation_sort', `portal_account (lower(organisation_sort COLLATE "C") NULLS FIRST, id)`);
    await remake('portal_account_activation_sent', 'portal_account (activation_sent_at NULLS FIRST, id)');
    await remake('portal_account_activated', 'portal_account (activated_at NULLS FIRST, id)');
    await remake('portal_account_last_sign_in', 'portal_account (last_sign_in_at NULLS FIRST, id)');
    await remake('ticket_project_covering', 'ticket (project_id, task_id, status, priority, updated_at, number, title_key) INCLUDE (id)');
  },
};
