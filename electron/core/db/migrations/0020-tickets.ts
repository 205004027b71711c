import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/*
 * Tickets and the rights contacts have on them (issue 11).
 * - project: belongs to a customer organisation, or is internal (no organisation, or an
 *   organisation flagged internal); task ("Vorgang"): belongs to a project. Both archived, never
 *   deleted while tickets refer to them.
 * - ticket: number shown as T-<number>; primary project + task; secondary assignments with their
 *   origin (added by hand, or kept when the primary project moved); categories the administrators
 *   keep (translated names); comments public or internal-only.
 * - time_entry: minutes a staff user booked on a ticket, on the ticket's primary project or one of
 *   its secondary assignments; locked once invoiced or its period is closed.
 * - hour_card: prepaid hours ("strippenkaart") an organisation bought, optionally for one project.
 * - ticket_right: what a contact may see: held by a person, or by a portal account's link to an
 *   organisation that names no person; on one project with a scope (one task, all tasks, or the
 *   tasks that existed when it was given: ticket_right_task), read-only or not; revoked rights stay
 *   (revoked_at) so "why not?" can say so.
 * Ids are never reused (AUTOINCREMENT), as everywhere since migration 0015.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'tickets',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE project (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        organisation_id INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_key TEXT NOT NULL,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX project_organisation ON project (organisation_id, name_key)`.execute(db);
    await sql`CREATE INDEX project_name ON project (name_key)`.execute(db);

    await sql`
      CREATE TABLE task (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE RESTRICT,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_key TEXT NOT NULL,
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX task_project ON task (project_id, name_key)`.execute(db);

    await sql`
      CREATE TABLE ticket_category (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name_en TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
        name_nl TEXT NOT NULL CHECK (length(name_nl) BETWEEN 1 AND 100),
        name_de TEXT NOT NULL CHECK (length(name_de) BETWEEN 1 AND 100),
        archived_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`.execute(db);

    await sql`
      CREATE TABLE ticket (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        number INTEGER NOT NULL UNIQUE,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        title_key TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'new'
          CHECK (status IN ('new', 'in_progress', 'waiting_for_customer', 'done', 'accepted', 'rejected', 'closed')),
        priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE RESTRICT,
        task_id INTEGER NOT NULL REFERENCES task (id) ON DELETE RESTRICT,
        assignee_staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL,
        contact_person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
        created_by_staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL,
        created_by_account_id INTEGER REFERENCES portal_account (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`.execute(db);
    // The lists: by project (a contact's view walks its projects), by status, by assignee, newest first.
    await sql`CREATE INDEX ticket_project ON ticket (project_id, task_id, updated_at)`.execute(db);
    await sql`CREATE INDEX ticket_status ON ticket (status, updated_at)`.execute(db);
    await sql`CREATE INDEX ticket_assignee ON ticket (assignee_staff_id, updated_at)`.execute(db);
    await sql`CREATE INDEX ticket_contact ON ticket (contact_person_id)`.execute(db);
    await sql`CREATE INDEX ticket_updated ON ticket (updated_at)`.execute(db);
    await sql`CREATE INDEX ticket_task ON ticket (task_id)`.execute(db);

    await sql`
      CREATE TABLE ticket_assignment (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id INTEGER NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE RESTRICT,
        task_id INTEGER REFERENCES task (id) ON DELETE RESTRICT,
        origin TEXT NOT NULL CHECK (origin IN ('manual', 'kept_on_move')),
        created_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE UNIQUE INDEX ticket_assignment_unique ON ticket_assignment (ticket_id, project_id, ifnull(task_id, 0))`.execute(db);
    await sql`CREATE INDEX ticket_assignment_project ON ticket_assignment (project_id, task_id)`.execute(db);

    await sql`
      CREATE TABLE ticket_category_link (
        ticket_id INTEGER NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
        category_id INTEGER NOT NULL REFERENCES ticket_category (id) ON DELETE RESTRICT,
        PRIMARY KEY (ticket_id, category_id)
      ) STRICT, WITHOUT ROWID`.execute(db);
    await sql`CREATE INDEX ticket_category_link_category ON ticket_category_link (category_id)`.execute(db);

    await sql`
      CREATE TABLE ticket_comment (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id INTEGER NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
        body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        internal INTEGER NOT NULL CHECK (internal IN (0, 1)),
        author_staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL,
        author_account_id INTEGER REFERENCES portal_account (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX ticket_comment_ticket ON ticket_comment (ticket_id, created_at)`.execute(db);

    await sql`
      CREATE TABLE time_entry (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id INTEGER NOT NULL REFERENCES ticket (id) ON DELETE RESTRICT,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE RESTRICT,
        task_id INTEGER REFERENCES task (id) ON DELETE RESTRICT,
        staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        work_date TEXT NOT NULL CHECK (work_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
        note TEXT NOT NULL DEFAULT '',
        billable INTEGER NOT NULL CHECK (billable IN (0, 1)),
        locked_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX time_entry_ticket ON time_entry (ticket_id)`.execute(db);
    await sql`CREATE INDEX time_entry_project_date ON time_entry (project_id, work_date)`.execute(db);

    await sql`
      CREATE TABLE hour_card (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        project_id INTEGER REFERENCES project (id) ON DELETE RESTRICT,
        purchased_on TEXT NOT NULL CHECK (purchased_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        minutes INTEGER NOT NULL CHECK (minutes > 0),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX hour_card_organisation ON hour_card (organisation_id, purchased_on)`.execute(db);

    await sql`
      CREATE TABLE ticket_right (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,
        account_id INTEGER,
        account_organisation_id INTEGER,
        project_id INTEGER NOT NULL REFERENCES project (id) ON DELETE RESTRICT,
        scope TEXT NOT NULL CHECK (scope IN ('one_task', 'all_tasks', 'existing_tasks')),
        task_id INTEGER REFERENCES task (id) ON DELETE RESTRICT,
        read_only INTEGER NOT NULL CHECK (read_only IN (0, 1)),
        created_at TEXT NOT NULL,
        revoked_at TEXT,
        FOREIGN KEY (account_id, account_organisation_id)
          REFERENCES portal_account_link (account_id, organisation_id) ON DELETE CASCADE,
        -- Held by a person, or by an account's link to an organisation: exactly one of the two.
        CHECK ((person_id IS NULL) <> (account_id IS NULL AND account_organisation_id IS NULL)),
        CHECK ((account_id IS NULL) = (account_organisation_id IS NULL)),
        CHECK ((scope = 'one_task') = (task_id IS NOT NULL))
      ) STRICT`.execute(db);
    await sql`CREATE INDEX ticket_right_person ON ticket_right (person_id) WHERE person_id IS NOT NULL`.execute(db);
    await sql`CREATE INDEX ticket_right_account ON ticket_right (account_id, account_organisation_id) WHERE account_id IS NOT NULL`.execute(db);
    await sql`CREATE INDEX ticket_right_project ON ticket_right (project_id)`.execute(db);

    // The tasks an "existing tasks" right covers: those of its project when it was given.
    await sql`
      CREATE TABLE ticket_right_task (
        right_id INTEGER NOT NULL REFERENCES ticket_right (id) ON DELETE CASCADE,
        task_id INTEGER NOT NULL REFERENCES task (id) ON DELETE CASCADE,
        PRIMARY KEY (right_id, task_id)
      ) STRICT, WITHOUT ROWID`.execute(db);
  },
  /**
   * PostgreSQL: identity ids (never reused, as AUTOINCREMENT), dates checked by a regular
   * expression where SQLite uses GLOB, coalesce() in the unique index, keys COLLATE "C".
   */
  async upPostgres(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE project (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        organisation_id integer REFERENCES organisation (id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_key text COLLATE "C" NOT NULL,
        archived_at text,
        created_at text NOT NULL,
        updated_at text NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX project_organisation ON project (organisation_id, name_key)`.execute(db);
    await sql`CREATE INDEX project_name ON project (name_key)`.execute(db);

    await sql`
      CREATE TABLE task (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        project_id integer NOT NULL REFERENCES project (id) ON DELETE RESTRICT,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        name_key text COLLATE "C" NOT NULL,
        archived_at text,
        created_at text NOT NULL,
        updated_at text NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX task_project ON task (project_id, name_key)`.execute(db);

    await sql`
      CREATE TABLE ticket_category (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
        name_nl text NOT NULL CHECK (length(name_nl) BETWEEN 1 AND 100),
        name_de text NOT NULL CHECK (length(name_de) BETWEEN 1 AND 100),
        archived_at text,
        created_at text NOT NULL,
        updated_at text NOT NULL
      )`.execute(db);

    await sql`
      CREATE TABLE ticket (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        number integer NOT NULL UNIQUE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        title_key text COLLATE "C" NOT NULL,
        description text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'new'
          CHECK (status IN ('new', 'in_progress', 'waiting_for_customer', 'done', 'accepted', 'rejected', 'closed')),
        priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        project_id integer NOT NULL REFERENCES project (id) ON DELETE RESTRICT,
        task_id integer NOT NULL REFERENCES task (id) ON DELETE RESTRICT,
        assignee_staff_id integer REFERENCES staff (id) ON DELETE SET NULL,
        contact_person_id integer REFERENCES person (id) ON DELETE SET NULL,
        created_by_staff_id integer REFERENCES staff (id) ON DELETE SET NULL,
        created_by_account_id integer REFERENCES portal_account (id) ON DELETE SET NULL,
        created_at text NOT NULL,
        updated_at text NOT NULL
      )`.execute(db);
    // The lists: by project (a contact's view walks its projects), by status, by assignee, newest first.
    await sql`CREATE INDEX ticket_project ON ticket (project_id, task_id, updated_at)`.execute(db);
    await sql`CREATE INDEX ticket_status ON ticket (status, updated_at)`.execute(db);
    await sql`CREATE INDEX ticket_assignee ON ticket (assignee_staff_id, updated_at)`.execute(db);
    await sql`CREATE INDEX ticket_contact ON ticket (contact_person_id)`.execute(db);
    await sql`CREATE INDEX ticket_updated ON ticket (updated_at)`.execute(db);
    await sql`CREATE INDEX ticket_task ON ticket (task_id)`.execute(db);

    await sql`
      CREATE TABLE ticket_assignment (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        ticket_id integer NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
        project_id integer NOT NULL REFERENCES project (id) ON DELETE RESTRICT,
        task_id integer REFERENCES task (id) ON DELETE RESTRICT,
        origin text NOT NULL CHECK (origin IN ('manual', 'kept_on_move')),
        created_at text NOT NULL
      )`.execute(db);
    await sql`CREATE UNIQUE INDEX ticket_assignment_unique ON ticket_assignment (ticket_id, project_id, coalesce(task_id, 0))`.execute(db);
    await sql`CREATE INDEX ticket_assignment_project ON ticket_assignment (project_id, task_id)`.execute(db);

    await sql`
      CREATE TABLE ticket_category_link (
        ticket_id integer NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
        category_id integer NOT NULL REFERENCES ticket_category (id) ON DELETE RESTRICT,
        PRIMARY KEY (ticket_id, category_id)
      )`.execute(db);
    await sql`CREATE INDEX ticket_category_link_category ON ticket_category_link (category_id)`.execute(db);

    await sql`
      CREATE TABLE ticket_comment (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        ticket_id integer NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        internal integer NOT NULL CHECK (internal IN (0, 1)),
        author_staff_id integer REFERENCES staff (id) ON DELETE SET NULL,
        author_account_id integer REFERENCES portal_account (id) ON DELETE SET NULL,
        created_at text NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX ticket_comment_ticket ON ticket_comment (ticket_id, created_at)`.execute(db);

    await sql`
      CREATE TABLE time_entry (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        ticket_id integer NOT NULL REFERENCES ticket (id) ON DELETE RESTRICT,
        project_id integer NOT NULL REFERENCES project (id) ON DELETE RESTRICT,
        task_id integer REFERENCES task (id) ON DELETE RESTRICT,
        staff_id integer NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
        work_date text NOT NULL CHECK (work_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
        note text NOT NULL DEFAULT '',
        billable integer NOT NULL CHECK (billable IN (0, 1)),
        locked_at text,
        created_at text NOT NULL,
        updated_at text NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX time_entry_ticket ON time_entry (ticket_id)`.execute(db);
    await sql`CREATE INDEX time_entry_project_date ON time_entry (project_id, work_date)`.execute(db);

    await sql`
      CREATE TABLE hour_card (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        organisation_id integer NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
        project_id integer REFERENCES project (id) ON DELETE RESTRICT,
        purchased_on text NOT NULL CHECK (purchased_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        minutes integer NOT NULL CHECK (minutes > 0),
        note text NOT NULL DEFAULT '',
        created_at text NOT NULL
      )`.execute(db);
    await sql`CREATE INDEX hour_card_organisation ON hour_card (organisation_id, purchased_on)`.execute(db);

    await sql`
      CREATE TABLE ticket_right (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        person_id integer REFERENCES person (id) ON DELETE CASCADE,
        account_id integer,
        account_organisation_id integer,
        project_id integer NOT NULL REFERENCES project (id) ON DELETE RESTRICT,
        scope text NOT NULL CHECK (scope IN ('one_task', 'all_tasks', 'existing_tasks')),
        task_id integer REFERENCES task (id) ON DELETE RESTRICT,
        read_only integer NOT NULL CHECK (read_only IN (0, 1)),
        created_at text NOT NULL,
        revoked_at text,
        FOREIGN KEY (account_id, account_organisation_id)
          REFERENCES portal_account_link (account_id, organisation_id) ON DELETE CASCADE,
        -- Held by a person, or by an account's link to an organisation: exactly one of the two.
        CHECK ((person_id IS NULL) <> (account_id IS NULL AND account_organisation_id IS NULL)),
        CHECK ((account_id IS NULL) = (account_organisation_id IS NULL)),
        CHECK ((scope = 'one_task') = (task_id IS NOT NULL))
      )`.execute(db);
    await sql`CREATE INDEX ticket_right_person ON ticket_right (person_id) WHERE person_id IS NOT NULL`.execute(db);
    await sql`CREATE INDEX ticket_right_account ON ticket_right (account_id, account_organisation_id) WHERE account_id IS NOT NULL`.execute(db);
    await sql`CREATE INDEX ticket_right_project ON ticket_right (project_id)`.execute(db);

    // The tasks an "existing tasks" right covers: those of its project when it was given.
    await sql`
      CREATE TABLE ticket_right_task (
        right_id integer NOT NULL REFERENCES ticket_right (id) ON DELETE CASCADE,
        task_id integer NOT NULL REFERENCES task (id) ON DELETE CASCADE,
        PRIMARY KEY (right_id, task_id)
      )`.execute(db);
  },
};
