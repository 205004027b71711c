import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * The customer portal's sign-in state, kept in the database so the portal may run beside the
 * back office (and, on PostgreSQL, as several processes): a session is found by the hash of its
 * cookie value only, so a copy of the database signs nobody in. `stage` is 'two-step' between a
 * right password and the right second-step code; only 'signed-in' sessions act for the account.
 * `security_stamp` is the account's at sign-in: a password change, deactivation or username
 * change raises the account's stamp and so ends every session at its next request.
 * The acting organisation and person are the session's (an umbrella account switches among its
 * children), checked against the account's links at every request.
 *
 * Two-step login (per account): an authenticator app (TOTP secret kept encrypted, recovery codes
 * as hashes) or a code by SMS (codes as hashes, single use, 5 minutes); role groups may require it.
 */
export const migration0026: Migration = {
  version: 26,
  name: 'portal-sessions',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE portal_session (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        account_id INTEGER NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
        stage TEXT NOT NULL CHECK (stage IN ('two-step', 'signed-in')),
        organisation_id INTEGER REFERENCES organisation (id) ON DELETE CASCADE,
        person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,
        security_stamp INTEGER NOT NULL,
        two_step_failures INTEGER NOT NULL DEFAULT 0 CHECK (two_step_failures >= 0),
        client_address TEXT NOT NULL DEFAULT '' CHECK (length(client_address) <= 100),
        user_agent TEXT NOT NULL DEFAULT '' CHECK (length(user_agent) <= 300),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX portal_session_account ON portal_session (account_id, last_seen_at)`.execute(db);
    await sql`CREATE INDEX portal_session_expires ON portal_session (expires_at)`.execute(db);
    await sql`CREATE INDEX portal_session_organisation ON portal_session (organisation_id)`.execute(db);
    await sql`CREATE INDEX portal_session_person ON portal_session (person_id)`.execute(db);

    // must_change_password: staff set a password and asked the customer to choose their own (Keycloak's required action).
    await sql`ALTER TABLE portal_account ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1))`.execute(db);
    // Mails on a ticket's status change, unless the customer opts out.
    await sql`ALTER TABLE portal_account ADD COLUMN notify_status_changes INTEGER NOT NULL DEFAULT 1 CHECK (notify_status_changes IN (0, 1))`.execute(db);
    await sql`ALTER TABLE portal_account ADD COLUMN two_step_method TEXT CHECK (two_step_method IN ('totp', 'sms'))`.execute(db);
    // The TOTP secret, sealed by the core's secret box (never readable from the database alone).
    await sql`ALTER TABLE portal_account ADD COLUMN totp_secret TEXT`.execute(db);
    // A TOTP step (time / 30 s) once used is not accepted again (RFC 6238, section 5.2).
    await sql`ALTER TABLE portal_account ADD COLUMN totp_last_step INTEGER`.execute(db);
    await sql`ALTER TABLE portal_account ADD COLUMN two_step_enabled_at TEXT`.execute(db);

    await sql`
      CREATE TABLE portal_recovery_code (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES portal_account (id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL,
        used_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX portal_recovery_code_account ON portal_recovery_code (account_id)`.execute(db);

    await sql`
      CREATE TABLE portal_two_step_code (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES portal_session (id) ON DELETE CASCADE,
        code_hash TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX portal_two_step_code_session ON portal_two_step_code (session_id)`.execute(db);

    // The portal account that acted (a customer's own act in the portal); staff_id stays null then.
    await sql`ALTER TABLE audit_log ADD COLUMN account_id INTEGER`.execute(db);
    await sql`ALTER TABLE role_group ADD COLUMN requires_two_step INTEGER NOT NULL DEFAULT 0 CHECK (requires_two_step IN (0, 1))`.execute(db);
  },
};
