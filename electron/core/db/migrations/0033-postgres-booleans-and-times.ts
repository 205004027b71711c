import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * Every flag: 0/1 INTEGER on SQLite, boolean on PostgreSQL; the default each has (none where the
 * code always says). Not here: the tallies' `active`, a count's key (0 or 1), no flag of a row.
 * As of this step: a later flag or time column is made with its type by its own migration.
 */
const FLAG_COLUMNS: Readonly<Record<string, Readonly<Record<string, boolean | null>>>> = {
  staff: { may_grant_access: false, active: true },
  organisation: { internal: false },
  role_group: { built_in: false, requires_two_step: false },
  portal_account: { active: true, must_change_password: false, notify_status_changes: true },
  portal_account_link: { is_default: null },
  ticket_comment: { internal: null },
  time_entry: { billable: null },
  ticket_right: { read_only: null },
  background_job: { stop_asked: false, finishing: false },
};

/**
 * Every column that holds an instant: ISO 8601 UTC text on SQLite, timestamptz on PostgreSQL.
 * Not here: the days of time_entry.work_date and hour_card.purchased_on (a date, no instant,
 * kept as 'YYYY-MM-DD' text on both).
 */
const INSTANT_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  staff: ['last_sign_in_at', 'created_at', 'updated_at'],
  sign_in_failure: ['locked_until', 'last_failure_at'],
  organisation: ['created_at', 'updated_at'],
  person: ['created_at', 'updated_at'],
  audit_log: ['at'],
  role_group: ['created_at', 'updated_at'],
  portal_account: [
    'activated_at', 'activation_sent_at', 'activation_expires_at', 'last_sign_in_at', 'locked_until', 'lapsed_expiry',
    'created_at', 'updated_at', 'two_step_enabled_at',
  ],
  portal_session: ['created_at', 'last_seen_at', 'expires_at'],
  portal_link_state: ['created_at', 'expires_at'],
  portal_recovery_code: ['used_at', 'created_at'],
  portal_two_step_code: ['expires_at', 'used_at', 'created_at'],
  portal_account_token: ['expires_at', 'created_at', 'used_at', 'voided_at'],
  outbox_mail: ['next_attempt_at', 'secret_expires_at', 'eml_written_at', 'created_at', 'sent_at', 'updated_at'],
  mail_template: ['updated_at'],
  document: ['created_at'],
  project: ['archived_at', 'created_at', 'updated_at'],
  task: ['archived_at', 'created_at', 'updated_at'],
  ticket_category: ['archived_at', 'created_at', 'updated_at'],
  ticket: ['created_at', 'updated_at'],
  ticket_assignment: ['created_at'],
  ticket_comment: ['created_at'],
  time_entry: ['locked_at', 'created_at', 'updated_at'],
  hour_card: ['created_at'],
  ticket_right: ['created_at', 'revoked_at'],
  office_key: ['created_at'],
  background_job: ['created_at', 'heartbeat_at', 'ended_at'],
};

/** The column changes of one table, as the subcommands of one ALTER TABLE (one rewrite of the table, not one per column). */
function columnChanges(table: string): string[] {
  const changes: string[] = [];
  for (const [column, fallback] of Object.entries(FLAG_COLUMNS[table] ?? {})) {
    // The integer default cannot be cast to boolean: dropped first, set again as a boolean.
    changes.push(`ALTER COLUMN ${column} DROP DEFAULT`, `ALTER COLUMN ${column} TYPE boolean USING ${column} <> 0`);
    if (fallback !== null) changes.push(`ALTER COLUMN ${column} SET DEFAULT ${String(fallback)}`);
  }
  for (const column of INSTANT_COLUMNS[table] ?? []) changes.push(`ALTER COLUMN ${column} TYPE timestamptz USING ${column}::timestamptz`);
  return changes;
}

/**
 * PostgreSQL only (issue 13, point 2): flags become boolean and instants timestamptz, so the
 * office database holds what it means and refuses what it cannot mean (a 2, a time that is no
 * time). The core still sees what SQLite gives: the driver reads boolean as 1/0 and timestamptz
 * as the ISO string with milliseconds (postgres.ts), and sends 1/0 and ISO strings untyped, which
 * the server reads as boolean and timestamptz.
 *
 * What uses these columns with integer or text meanings is made again around the change:
 * - the CHECKs that held each flag to 0 or 1 go (the type holds it now);
 * - the generated access_stage and search_stage (a column used by a generated column cannot
 *   change type) are dropped and added again with the same expressions, so they now come after
 *   the other columns; with them go the indexes on them, made again as they were;
 * - the partial indexes on `active = 0` and `is_default = 1` are made again on the boolean;
 * - the tally trigger on UPDATE OF active... is made again, and its function casts the flag to
 *   the tallies' integer `active`.
 * Nothing to do on SQLite, which has neither type (flags stay 0/1 INTEGER, times ISO TEXT).
 */
export const migration0033: Migration = {
  version: 33,
  name: 'postgres-booleans-and-times',
  up() {
    return Promise.resolve();
  },
  async upPostgres(db: Kysely<unknown>) {
    const run = (statement: string) => sql.raw(statement).execute(db);
    await run('DROP TRIGGER portal_account_tally_update ON portal_account');
    for (const index of ['portal_account_inactive', 'portal_account_locked', 'portal_account_search_stage_expires', 'portal_account_stage_expires', 'portal_account_stage_username', 'portal_account_link_one_default']) {
      await run(`DROP INDEX ${index}`);
    }
    await run('ALTER TABLE portal_account DROP COLUMN search_stage, DROP COLUMN access_stage');
    // The 0/1 CHECKs of the flags, found by what they say rather than by the names PostgreSQL gave them.
    const { rows: checks } = await sql<{ table_name: string; name: string }>`
      SELECT c.conrelid::regclass::text AS table_name, c.conname AS name FROM pg_constraint c
      WHERE c.contype = 'c' AND c.connamespace = current_schema()::regnamespace
        AND pg_get_constraintdef(c.oid) ~ '= ANY \\(ARRAY\\[0, 1\\]\\)'`.execute(db);
    for (const check of checks) {
      if (check.table_name === 'portal_account_tally' || !(check.table_name in FLAG_COLUMNS)) throw new Error(`0033: unexpected 0/1 CHECK ${check.name} on ${check.table_name}`);
      await run(`ALTER TABLE ${check.table_name} DROP CONSTRAINT ${check.name}`);
    }
    for (const table of new Set([...Object.keys(FLAG_COLUMNS), ...Object.keys(INSTANT_COLUMNS)])) {
      await run(`ALTER TABLE ${table} ${columnChanges(table).join(', ')}`);
    }
    await run(`
      ALTER TABLE portal_account
        ADD COLUMN access_stage integer GENERATED ALWAYS AS (
          CASE WHEN activated_at IS NOT NULL OR password_hash IS NOT NULL THEN 2
               WHEN activation_sent_at IS NOT NULL THEN 1
               ELSE 0 END) STORED,
        ADD COLUMN search_stage text COLLATE "C" GENERATED ALWAYS AS (
          CASE WHEN activated_at IS NOT NULL OR password_hash IS NOT NULL THEN 'act'
               WHEN activation_sent_at IS NOT NULL THEN
                 CASE WHEN lapsed_expiry = activation_expires_at THEN 'exp' ELSE 'inv' END
               ELSE 'new' END) STORED`);
    await run('CREATE INDEX portal_account_stage_username ON portal_account (access_stage, username_key)');
    await run('CREATE INDEX portal_account_stage_expires ON portal_account (access_stage, activation_expires_at)');
    await run('CREATE INDEX portal_account_inactive ON portal_account (username_key, access_stage, activation_expires_at) WHERE NOT active');
    await run('CREATE INDEX portal_account_locked ON portal_account (username_key, locked_until, active, access_stage, activation_expires_at) WHERE locked_until IS NOT NULL');
    await run('CREATE INDEX portal_account_search_stage_expires ON portal_account (search_stage, activation_expires_at) WHERE access_stage = 1');
    await run('CREATE UNIQUE INDEX portal_account_link_one_default ON portal_account_link (account_id) WHERE is_default');
    await run(`
      CREATE OR REPLACE FUNCTION portal_account_tally_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE portal_account_tally SET n = n - 1 WHERE access_stage = OLD.access_stage AND active = OLD.active::integer;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          UPDATE portal_account_tally SET n = n + 1 WHERE access_stage = NEW.access_stage AND active = NEW.active::integer;
        END IF;
        RETURN NULL;
      END $$`);
    await run(`
      CREATE TRIGGER portal_account_tally_update AFTER UPDATE OF active, activated_at, password_hash, activation_sent_at ON portal_account
      FOR EACH ROW WHEN (OLD.access_stage IS DISTINCT FROM NEW.access_stage OR OLD.active IS DISTINCT FROM NEW.active)
      EXECUTE FUNCTION portal_account_tally_count()`);
  },
};
