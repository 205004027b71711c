import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/** The append-only audit log: the database itself refuses updates and deletes. */
export const migration0003: Migration = {
  version: 3,
  name: 'audit-log',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        staff_id INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        action TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
      ) STRICT`.execute(db);
    await sql`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`.execute(db);
    await sql`CREATE INDEX audit_log_staff ON audit_log (staff_id)`.execute(db);
    await sql`CREATE INDEX audit_log_at ON audit_log (at)`.execute(db);
    await sql`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  },
};
