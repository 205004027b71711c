import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * Portal accounts, their organisation links and role groups, and per-staff preferences.
 * The indexes serve the account list at a million rows: every quick filter and sort
 * walks an index and stops after one page (see account-list-repository.ts).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'portal-accounts',
  async up(db: Kysely<unknown>) {
    // password_hash is NULL until the customer activates (or staff type a password): no
    // random hash per account, so bulk creation stays fast. security_stamp goes up whenever
    // every open token and session must die (username or password change, deactivation).
    // access_stage (0 never invited, 1 invited, 2 has access) is the time-independent part
    // of the status, indexed for the quick filters; "expired" is activation_expires_at <= now.
    // person_sort and organisation_sort copy the default link's names so the list can sort
    // on them through an index; the services refresh them whenever links or names change.
    await sql`
      CREATE TABLE portal_account (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL CHECK (length(username) BETWEEN 3 AND 254),
        username_key TEXT NOT NULL UNIQUE,
        nickname TEXT,
        description TEXT,
        recovery_email TEXT,
        language TEXT NOT NULL DEFAULT 'default' CHECK (language IN ('default', 'en', 'nl', 'de')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        password_hash TEXT,
        activated_at TEXT,
        activation_sent_at TEXT,
        activation_sent_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        activation_expires_at TEXT,
        last_sign_in_at TEXT,
        locked_until TEXT,
        failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
        security_stamp INTEGER NOT NULL DEFAULT 1,
        person_sort TEXT,
        organisation_sort TEXT,
        access_stage INTEGER GENERATED ALWAYS AS (
          CASE WHEN activated_at IS NOT NULL OR password_hash IS NOT NULL THEN 2
               WHEN activation_sent_at IS NOT NULL THEN 1
               ELSE 0 END) VIRTUAL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX portal_account_stage_username ON portal_account (access_stage, username_key)`.execute(db);
    await sql`CREATE INDEX portal_account_stage_expires ON portal_account (access_stage, activation_expires_at)`.execute(db);
    await sql`CREATE INDEX portal_account_activation_sent ON portal_account (activation_sent_at)`.execute(db);
    await sql`CREATE INDEX portal_account_activated ON portal_account (activated_at)`.execute(db);
    await sql`CREATE INDEX portal_account_last_sign_in ON portal_account (last_sign_in_at)`.execute(db);
    await sql`CREATE INDEX portal_account_person_sort ON portal_account (person_sort COLLATE NOCASE)`.execute(db);
    await sql`CREATE INDEX portal_account_organisation_sort ON portal_account (organisation_sort COLLATE NOCASE)`.execute(db);
    // Few accounts are deactivated or locked; partial indexes in list order keep those filters
    // cheap, and carry the stage and expiry so the list's totals (account-tally-repository.ts) can
    // count locked or deactivated invitations from them alone.
    await sql`CREATE INDEX portal_account_inactive ON portal_account (username_key, access_stage, activation_expires_at) WHERE active = 0`.execute(db);
    await sql`CREATE INDEX portal_account_locked ON portal_account (username_key, locked_until, active, access_stage, activation_expires_at) WHERE locked_until IS NOT NULL`.execute(db);
    await sql`CREATE INDEX portal_account_activation_sent_by ON portal_account (activation_sent_by)`.execute(db);

    // How many accounts there are per access stage and active flag, kept by triggers, so the
    // list's total for a status or quick filter is a few additions, not a count of a million
    // rows (account-tally-repository.ts adds the time-dependent parts: locks and expiries).
    await sql`
      CREATE TABLE portal_account_tally (
        access_stage INTEGER NOT NULL,
        active INTEGER NOT NULL,
        n INTEGER NOT NULL CHECK (n >= 0),
        PRIMARY KEY (access_stage, active)
      ) STRICT`.execute(db);
    await sql`INSERT INTO portal_account_tally (access_stage, active, n) VALUES (0, 0, 0), (0, 1, 0), (1, 0, 0), (1, 1, 0), (2, 0, 0), (2, 1, 0)`.execute(db);
    await sql`
      CREATE TRIGGER portal_account_tally_insert AFTER INSERT ON portal_account
      BEGIN UPDATE portal_account_tally SET n = n + 1 WHERE access_stage = new.access_stage AND active = new.active; END`.execute(db);
    await sql`
      CREATE TRIGGER portal_account_tally_delete AFTER DELETE ON portal_account
      BEGIN UPDATE portal_account_tally SET n = n - 1 WHERE access_stage = old.access_stage AND active = old.active; END`.execute(db);
    await sql`
      CREATE TRIGGER portal_account_tally_update AFTER UPDATE OF active, activated_at, password_hash, activation_sent_at ON portal_account
      WHEN old.access_stage IS NOT new.access_stage OR old.active IS NOT new.active
      BEGIN
        UPDATE portal_account_tally SET n = n - 1 WHERE access_stage = old.access_stage AND active = old.active;
        UPDATE portal_account_tally SET n = n + 1 WHERE access_stage = new.access_stage AND active = new.active;
      END`.execute(db);

    await sql`
      CREATE TABLE portal_account_link (
        account_id INTEGER NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
        organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        person_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,
        is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
        PRIMARY KEY (account_id, organisation_id)
      ) STRICT`.execute(db);
    await sql`CREATE UNIQUE INDEX portal_account_link_one_default ON portal_account_link (account_id) WHERE is_default = 1`.execute(db);
    await sql`CREATE INDEX portal_account_link_organisation ON portal_account_link (organisation_id, account_id)`.execute(db);
    await sql`CREATE INDEX portal_account_link_person ON portal_account_link (person_id, account_id) WHERE person_id IS NOT NULL`.execute(db);

    await sql`
      CREATE TABLE portal_account_role_group (
        account_id INTEGER NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
        role_group_id INTEGER NOT NULL REFERENCES role_group (id) ON DELETE RESTRICT,
        PRIMARY KEY (account_id, role_group_id)
      ) STRICT`.execute(db);
    await sql`CREATE INDEX portal_account_role_group_group ON portal_account_role_group (role_group_id, account_id)`.execute(db);

    // The list's text search: one document per account (username, nickname, and the names
    // and emails of every linked organisation and person), indexed by trigrams so a substring
    // of three or more characters is found without reading every account, in any case and
    // with or without accents. Contentless: the text lives in the tables it comes from.
    // account-index/account-index-repository.ts rewrites an account's document whenever one of those changes.
    await sql`
      CREATE VIRTUAL TABLE portal_account_search USING fts5(
        document, tokenize = 'trigram remove_diacritics 1', content = '', contentless_delete = 1)`.execute(db);
    await sql`
      CREATE TRIGGER portal_account_search_delete AFTER DELETE ON portal_account
      BEGIN DELETE FROM portal_account_search WHERE rowid = old.id; END`.execute(db);

    await sql`
      CREATE TABLE staff_preference (
        staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 80),
        value_json TEXT NOT NULL,
        PRIMARY KEY (staff_id, key)
      ) STRICT`.execute(db);
  },
  /**
   * PostgreSQL: access_stage is a STORED generated column (PostgreSQL has no virtual ones); the
   * tally triggers are one PL/pgSQL function (row locks on the tally rows keep the counts exact
   * under concurrent writers); NOCASE indexes become lower(). No portal_account_search table:
   * the FTS5 index is SQLite's; PostgreSQL searches the document kept on the account's row
   * (0019) through a pg_trgm GIN index, so nothing needs deleting with the account either.
   */
  async upPostgres(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE portal_account (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        username text NOT NULL CHECK (length(username) BETWEEN 3 AND 254),
        username_key text COLLATE "C" NOT NULL UNIQUE,
        nickname text,
        description text,
        recovery_email text,
        language text NOT NULL DEFAULT 'default' CHECK (language IN ('default', 'en', 'nl', 'de')),
        active integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        password_hash text,
        activated_at text,
        activation_sent_at text,
        activation_sent_by integer REFERENCES staff (id) ON DELETE RESTRICT,
        activation_expires_at text,
        last_sign_in_at text,
        locked_until text,
        failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
        security_stamp integer NOT NULL DEFAULT 1,
        person_sort text COLLATE "C",
        organisation_sort text COLLATE "C",
        access_stage integer GENERATED ALWAYS AS (
          CASE WHEN activated_at IS NOT NULL OR password_hash IS NOT NULL THEN 2
               WHEN activation_sent_at IS NOT NULL THEN 1
               ELSE 0 END) STORED,
        created_at text NOT NULL,
        updated_at text NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX portal_account_stage_username ON portal_account (access_stage, username_key)`.execute(db);
    await sql`CREATE INDEX portal_account_stage_expires ON portal_account (access_stage, activation_expires_at)`.execute(db);
    await sql`CREATE INDEX portal_account_activation_sent ON portal_account (activation_sent_at)`.execute(db);
    await sql`CREATE INDEX portal_account_activated ON portal_account (activated_at)`.execute(db);
    await sql`CREATE INDEX portal_account_last_sign_in ON portal_account (last_sign_in_at)`.execute(db);
    await sql`CREATE INDEX portal_account_person_sort ON portal_account (lower(person_sort) COLLATE "C")`.execute(db);
    await sql`CREATE INDEX portal_account_organisation_sort ON portal_account (lower(organisation_sort) COLLATE "C")`.execute(db);
    await sql`CREATE INDEX portal_account_inactive ON portal_account (username_key, access_stage, activation_expires_at) WHERE active = 0`.execute(db);
    await sql`CREATE INDEX portal_account_locked ON portal_account (username_key, locked_until, active, access_stage, activation_expires_at) WHERE locked_until IS NOT NULL`.execute(db);
    await sql`CREATE INDEX portal_account_activation_sent_by ON portal_account (activation_sent_by)`.execute(db);

    await sql`
      CREATE TABLE portal_account_tally (
        access_stage integer NOT NULL,
        active integer NOT NULL,
        n integer NOT NULL CHECK (n >= 0),
        PRIMARY KEY (access_stage, active)
      )`.execute(db);
    await sql`INSERT INTO portal_account_tally (access_stage, active, n) VALUES (0, 0, 0), (0, 1, 0), (1, 0, 0), (1, 1, 0), (2, 0, 0), (2, 1, 0)`.execute(db);
    await sql`
      CREATE FUNCTION portal_account_tally_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE portal_account_tally SET n = n - 1 WHERE access_stage = OLD.access_stage AND active = OLD.active;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          UPDATE portal_account_tally SET n = n + 1 WHERE access_stage = NEW.access_stage AND active = NEW.active;
        END IF;
        RETURN NULL;
      END $$`.execute(db);
    await sql`CREATE TRIGGER portal_account_tally_insert AFTER INSERT ON portal_account FOR EACH ROW EXECUTE FUNCTION portal_account_tally_count()`.execute(db);
    await sql`CREATE TRIGGER portal_account_tally_delete AFTER DELETE ON portal_account FOR EACH ROW EXECUTE FUNCTION portal_account_tally_count()`.execute(db);
    await sql`
      CREATE TRIGGER portal_account_tally_update AFTER UPDATE OF active, activated_at, password_hash, activation_sent_at ON portal_account
      FOR EACH ROW WHEN (OLD.access_stage IS DISTINCT FROM NEW.access_stage OR OLD.active IS DISTINCT FROM NEW.active)
      EXECUTE FUNCTION portal_account_tally_count()`.execute(db);

    await sql`
      CREATE TABLE portal_account_link (
        account_id integer NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
        organisation_id integer NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        person_id integer REFERENCES person (id) ON DELETE RESTRICT,
        is_default integer NOT NULL CHECK (is_default IN (0, 1)),
        PRIMARY KEY (account_id, organisation_id)
      )`.execute(db);
    await sql`CREATE UNIQUE INDEX portal_account_link_one_default ON portal_account_link (account_id) WHERE is_default = 1`.execute(db);
    await sql`CREATE INDEX portal_account_link_organisation ON portal_account_link (organisation_id, account_id)`.execute(db);
    await sql`CREATE INDEX portal_account_link_person ON portal_account_link (person_id, account_id) WHERE person_id IS NOT NULL`.execute(db);

    await sql`
      CREATE TABLE portal_account_role_group (
        account_id integer NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
        role_group_id integer NOT NULL REFERENCES role_group (id) ON DELETE RESTRICT,
        PRIMARY KEY (account_id, role_group_id)
      )`.execute(db);
    await sql`CREATE INDEX portal_account_role_group_group ON portal_account_role_group (role_group_id, account_id)`.execute(db);

    await sql`
      CREATE TABLE staff_preference (
        staff_id integer NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 80),
        value_json text NOT NULL,
        PRIMARY KEY (staff_id, key)
      )`.execute(db);
  },
};
