import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';
import { rebuildWithAutoincrement } from './sqlite-rebuild-table';

/**
 * Tables whose ids reach the screens, URLs, the audit log or documents, with the audit
 * log's name for them. Without AUTOINCREMENT, deleting the newest organisation and creating
 * another gave the new one the old id: its page showed the deleted one's cached values and
 * Save wrote them over the new organisation.
 */
const TABLES: readonly { table: string; audited?: string }[] = [
  { table: 'staff', audited: 'staff' },
  { table: 'organisation', audited: 'organisation' },
  { table: 'person', audited: 'person' },
  { table: 'role_group', audited: 'role-group' },
  { table: 'portal_account', audited: 'portal-account' },
  { table: 'portal_account_token' },
  { table: 'outbox_mail' },
  { table: 'document' },
];

/** The highest id the audit log names for an entity: it may belong to a row deleted before this migration. */
async function highestAudited(db: Kysely<unknown>, table: string, entity: string | undefined): Promise<number> {
  const { rows } =
    table === 'document'
      ? await sql<{ id: number | null }>`
          SELECT max(max(coalesce(json_extract(before_json, '$.documentId'), 0)), max(coalesce(json_extract(after_json, '$.documentId'), 0))) AS id
          FROM audit_log WHERE action LIKE 'letter-%'`.execute(db)
      : entity
        ? await sql<{ id: number | null }>`SELECT max(entity_id) AS id FROM audit_log WHERE entity = ${entity}`.execute(db)
        : { rows: [] };
  return Number(rows[0]?.id ?? 0);
}

/** Ids are never reused: every table above gets INTEGER PRIMARY KEY AUTOINCREMENT, rows, indexes and triggers kept. */
export const migration0015: Migration = {
  version: 15,
  name: 'ids-never-reused',
  rebuildsTables: true,
  async up(db: Kysely<unknown>) {
    for (const { table, audited } of TABLES) await rebuildWithAutoincrement(db, table, await highestAudited(db, table, audited));
  },
  /**
   * PostgreSQL: nothing to do. Identity columns draw from a sequence, which never hands out an
   * id again, deleted or not. (copy-to, inserting ids, sets each sequence past the highest.)
   */
  async upPostgres() {
    // An empty step, so that the list says every step was thought through for PostgreSQL.
  },
};
