import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/** The built-in groups as migration 0005 made them: key, name, description. */
const BUILT_IN_0005 = [
  ['standard', 'Standard', 'Dashboard and reading tickets.'],
  ['client', 'Client', 'Reads tickets, documents and reports.'],
  ['client-participant', 'Client participant', 'As Client, plus comments, attachments, notifications and detailed reports.'],
  ['partner', 'Partner', 'As Client participant, plus viewing members.'],
] as const;

/**
 * Audit entries keep the record's name as it was (`label`), how the change came in
 * (`via`: the back office, the command line or the portal) and the names of the
 * records their values point at (`names_json`), so a rename or a delete later does
 * not change what an entry says. Existing entries are backfilled from the records
 * as they are now, or from the values a deletion kept; the append-only trigger is
 * lifted for that one UPDATE only and put back in the same transaction. Built-in role
 * groups get a stable key (see below).
 */
export const migration0017: Migration = {
  version: 17,
  name: 'audit-label',
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE audit_log ADD COLUMN label TEXT`.execute(db);
    await sql`ALTER TABLE audit_log ADD COLUMN via TEXT NOT NULL DEFAULT 'app' CHECK (via IN ('app', 'cli', 'portal'))`.execute(db);
    await sql`ALTER TABLE audit_log ADD COLUMN names_json TEXT`.execute(db);
    await sql`DROP TRIGGER audit_log_no_update`.execute(db);
    await sql`
      UPDATE audit_log SET label = COALESCE(
        CASE entity
          WHEN 'organisation' THEN (SELECT name FROM organisation WHERE id = audit_log.entity_id)
          WHEN 'person' THEN (SELECT trim(COALESCE(first_name, '') || ' ' || last_name) FROM person WHERE id = audit_log.entity_id)
          WHEN 'portal-account' THEN (SELECT username FROM portal_account WHERE id = audit_log.entity_id)
          WHEN 'role-group' THEN (SELECT name FROM role_group WHERE id = audit_log.entity_id)
          WHEN 'staff' THEN (SELECT name FROM staff WHERE id = audit_log.entity_id)
          WHEN 'mail' THEN (SELECT to_address FROM outbox_mail WHERE id = audit_log.entity_id)
        END,
        json_extract(before_json, '$.name'),
        json_extract(before_json, '$.username'),
        trim(COALESCE(json_extract(before_json, '$.firstName'), '') || ' ' || json_extract(before_json, '$.lastName'))
      )
      WHERE entity_id IS NOT NULL`.execute(db);
    // Before this column, customers' own actions (activating, resetting a password) were written without a staff user.
    await sql`UPDATE audit_log SET via = 'portal' WHERE staff_id IS NULL AND action IN ('activated', 'password-reset')`.execute(db);
    await sql`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    // A stable key for the four built-in role groups, so the screens can show their shipped
    // descriptions in every language (a name an administrator changed does not lose it).
    await sql`ALTER TABLE role_group ADD COLUMN built_in_key TEXT CHECK (built_in_key IN ('standard', 'client', 'client-participant', 'partner'))`.execute(db);
    await sql`CREATE UNIQUE INDEX role_group_built_in_key ON role_group (built_in_key) WHERE built_in_key IS NOT NULL`.execute(db);
    for (const [key, name, description] of BUILT_IN_0005) {
      await sql`
        UPDATE role_group SET built_in_key = ${key}
        WHERE id = (SELECT id FROM role_group WHERE built_in = 1 AND built_in_key IS NULL AND (name = ${name} OR description = ${description}) ORDER BY name = ${name} DESC, id LIMIT 1)`.execute(db);
    }
  },
  /**
   * PostgreSQL: the columns, the CHECK and the built-in groups' keys (the groups 0005 inserted);
   * the audit log is empty here, so the append-only trigger stays as it is.
   */
  async upPostgres(db: Kysely<unknown>) {
    await sql`ALTER TABLE audit_log ADD COLUMN label text`.execute(db);
    await sql`ALTER TABLE audit_log ADD COLUMN via text NOT NULL DEFAULT 'app' CHECK (via IN ('app', 'cli', 'portal'))`.execute(db);
    await sql`ALTER TABLE audit_log ADD COLUMN names_json text`.execute(db);
    await sql`ALTER TABLE role_group ADD COLUMN built_in_key text CHECK (built_in_key IN ('standard', 'client', 'client-participant', 'partner'))`.execute(db);
    await sql`CREATE UNIQUE INDEX role_group_built_in_key ON role_group (built_in_key) WHERE built_in_key IS NOT NULL`.execute(db);
    for (const [key, name] of BUILT_IN_0005) {
      await sql`UPDATE role_group SET built_in_key = ${key} WHERE built_in = 1 AND built_in_key IS NULL AND name = ${name}`.execute(db);
    }
  },
};
