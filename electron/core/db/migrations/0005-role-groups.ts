import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/**
 * The built-in groups as they were when this migration was written. Frozen here on
 * purpose: an applied migration must not change when shared/permissions.ts does
 * (a test checks they still match BUILT_IN_ROLE_GROUPS; a later change needs a new migration).
 */
const CLIENT = ['dashboard', 'tickets.read', 'documents.read', 'projects.view', 'reports.hours'];
const PARTICIPANT = [...CLIENT, 'tickets.create', 'tickets.comment', 'tickets.attach', 'tickets.notify', 'tickets.accept_reject', 'reports.detailed'];
export const BUILT_IN_GROUPS_0005 = [
  { name: 'Standard', description: 'Dashboard and reading tickets.', permissions: ['dashboard', 'tickets.read'] },
  { name: 'Client', description: 'Reads tickets, documents and reports.', permissions: CLIENT },
  { name: 'Client participant', description: 'As Client, plus comments, attachments, notifications and detailed reports.', permissions: PARTICIPANT },
  { name: 'Partner', description: 'As Client participant, plus viewing members.', permissions: [...PARTICIPANT, 'members.view'] },
];

/** Role groups (named permission sets) with the four built-in ones. */
export const migration0005: Migration = {
  version: 5,
  name: 'role-groups',
  async up(db: Kysely<unknown>) {
    // name_key is the lower-cased name (JavaScript's Unicode lower-casing, not SQLite's ASCII-only one).
    await sql`
      CREATE TABLE role_group (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        name_key TEXT NOT NULL UNIQUE,
        description TEXT,
        built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`.execute(db);
    // Keys are not checked against the catalog here: the catalog lives in code and grows.
    await sql`
      CREATE TABLE role_group_permission (
        role_group_id INTEGER NOT NULL REFERENCES role_group (id) ON DELETE CASCADE,
        permission_key TEXT NOT NULL CHECK (length(permission_key) BETWEEN 1 AND 80),
        PRIMARY KEY (role_group_id, permission_key)
      ) STRICT`.execute(db);
    const now = new Date().toISOString();
    for (const group of BUILT_IN_GROUPS_0005) {
      const { rows } = await sql<{ id: number }>`
        INSERT INTO role_group (name, name_key, description, built_in, created_at, updated_at)
        VALUES (${group.name}, ${group.name.toLowerCase()}, ${group.description}, 1, ${now}, ${now})
        RETURNING id`.execute(db);
      const id = rows[0]?.id;
      if (id === undefined) throw new Error('role_group insert returned no id');
      for (const key of group.permissions) {
        await sql`INSERT INTO role_group_permission (role_group_id, permission_key) VALUES (${id}, ${key})`.execute(db);
      }
    }
  },
};
