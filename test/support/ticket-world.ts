import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../../electron/core/db/schema';
import type { TicketAccessSettings, TicketRightScope } from '../../shared/api/ticket-rights';

/*
 * A ticket world written straight into SQLite (fix/tickets builds the services for projects and
 * tickets in parallel; the access function only reads). Prepared statements on the raw
 * connection, one transaction per world, so the property test can build and clear thousands.
 */

export interface WorldSpec {
  organisations: { id: number; internal: boolean }[];
  persons: { id: number; organisationId: number }[];
  accounts: { id: number; active: boolean; activated: boolean; locked?: boolean; links: { organisationId: number; personId: number | null; isDefault: boolean }[] }[];
  projects: { id: number; organisationId: number | null }[];
  tasks: { id: number; projectId: number; createdAt: string; archived?: boolean }[];
  rights: {
    id: number;
    holder: { personId: number } | { accountId: number; organisationId: number };
    projectId: number;
    scope: TicketRightScope;
    taskId: number | null;
    /** For existing_tasks: the stored set. */
    taskIds: number[];
    readOnly: boolean;
    createdAt: string;
    revokedAt: string | null;
  }[];
  tickets: { id: number; number: number; projectId: number; taskId: number; title?: string; status?: string; priority?: string; contactPersonId?: number | null; secondaryProjectId?: number | null; updatedAt?: string }[];
  settings: TicketAccessSettings;
}

const T0 = '2026-01-01T00:00:00.000Z';
/** Far in the future: a locked account stays locked whatever the test's clock says. */
const LOCKED_UNTIL = '2099-01-01T00:00:00.000Z';

/** Tables a world writes, children first: the order DELETEs must run in. */
const WORLD_TABLES = ['ticket_right_task', 'ticket_right', 'ticket_assignment', 'ticket', 'task', 'project', 'portal_account_link', 'portal_account', 'person', 'organisation'];

export class TicketWorldWriter {
  private readonly statements;
  private readonly write;

  constructor(private readonly sqlite: SQLite.Database) {
    const prepare = (text: string) => sqlite.prepare(text);
    this.statements = {
      organisation: prepare(`INSERT INTO organisation (id, name, name_key, search_key, language, internal, created_at, updated_at) VALUES (?, ?, ?, ?, 'default', ?, '${T0}', '${T0}')`),
      person: prepare(`INSERT INTO person (id, organisation_id, first_name, last_name, name_key, search_key, created_at, updated_at) VALUES (?, ?, 'P', ?, ?, ?, '${T0}', '${T0}')`),
      account: prepare(
        `INSERT INTO portal_account (id, username, username_key, active, activated_at, locked_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '${T0}', '${T0}')`,
      ),
      link: prepare('INSERT INTO portal_account_link (account_id, organisation_id, person_id, is_default) VALUES (?, ?, ?, ?)'),
      project: prepare(`INSERT INTO project (id, organisation_id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, '${T0}', '${T0}')`),
      task: prepare('INSERT INTO task (id, project_id, name, name_key, archived_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      right: prepare(
        'INSERT INTO ticket_right (id, person_id, account_id, account_organisation_id, project_id, scope, task_id, read_only, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      rightTask: prepare('INSERT INTO ticket_right_task (right_id, task_id) VALUES (?, ?)'),
      ticket: prepare(
        `INSERT INTO ticket (id, number, title, title_key, status, priority, project_id, task_id, contact_person_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '${T0}', ?)`,
      ),
      assignment: prepare(`INSERT INTO ticket_assignment (ticket_id, project_id, task_id, origin, created_at) VALUES (?, ?, NULL, 'manual', '${T0}')`),
      setting: prepare(`INSERT INTO setting (key, value_json) VALUES ('ticketAccess', ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`),
    };
    const deletes = WORLD_TABLES.map((table) => prepare(`DELETE FROM ${table}`));
    const resetSequence = prepare(`DELETE FROM sqlite_sequence WHERE name IN (${WORLD_TABLES.map((t) => `'${t}'`).join(', ')})`);
    this.write = sqlite.transaction((world: WorldSpec | null) => {
      for (const statement of deletes) statement.run();
      resetSequence.run();
      if (world) this.insert(world);
    });
  }

  /** Replaces whatever world the database held with this one, in one transaction. */
  replace(world: WorldSpec): void {
    this.write(world);
  }

  clear(): void {
    this.write(null);
  }

  private insert(w: WorldSpec): void {
    const s = this.statements;
    for (const o of w.organisations) s.organisation.run(o.id, `Org ${o.id}`, `org ${o.id}`, `org ${o.id}`, o.internal ? 1 : 0);
    for (const p of w.persons) s.person.run(p.id, p.organisationId, `Person ${p.id}`, `person ${p.id}`, `person ${p.id}`);
    for (const a of w.accounts) {
      s.account.run(a.id, `a${a.id}@example.com`, `a${a.id}@example.com`, a.active ? 1 : 0, a.activated ? T0 : null, a.locked ? LOCKED_UNTIL : null);
      for (const l of a.links) s.link.run(a.id, l.organisationId, l.personId, l.isDefault ? 1 : 0);
    }
    for (const p of w.projects) s.project.run(p.id, p.organisationId, `Project ${p.id}`, `project ${p.id}`);
    for (const t of w.tasks) s.task.run(t.id, t.projectId, `Task ${t.id}`, `task ${t.id}`, t.archived ? t.createdAt : null, t.createdAt, t.createdAt);
    for (const r of w.rights) {
      const person = 'personId' in r.holder ? r.holder.personId : null;
      const account = 'accountId' in r.holder ? r.holder : null;
      s.right.run(r.id, person, account?.accountId ?? null, account?.organisationId ?? null, r.projectId, r.scope, r.taskId, r.readOnly ? 1 : 0, r.createdAt, r.revokedAt);
      for (const task of r.taskIds) s.rightTask.run(r.id, task);
    }
    for (const t of w.tickets) {
      const title = t.title ?? `Ticket ${t.number}`;
      s.ticket.run(t.id, t.number, title, title.toLowerCase(), t.status ?? 'new', t.priority ?? 'normal', t.projectId, t.taskId, t.contactPersonId ?? null, t.updatedAt ?? T0);
      if (t.secondaryProjectId != null && t.secondaryProjectId !== t.projectId) s.assignment.run(t.id, t.secondaryProjectId);
    }
    s.setting.run(JSON.stringify(w.settings));
  }
}

/** An empty world to build table tests from. */
export const emptyWorld = (): WorldSpec => ({
  organisations: [],
  persons: [],
  accounts: [],
  projects: [],
  tasks: [],
  rights: [],
  tickets: [],
  settings: { ticketRightsOnInternalProjects: false, customerTicketAccessReadOnly: false },
});

/** A project of ORGANISATION with one task and one ticket, written with Kysely on a running core's database (samples and table tests). */
export async function insertSampleProject(db: Kysely<Database>, organisationId: number | null, at = T0): Promise<{ projectId: number; taskId: number; ticketNumber: number }> {
  const { id: projectId } = await db
    .insertInto('project')
    .values({ organisation_id: organisationId, name: 'Sample project', name_key: 'sample project', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: taskId } = await db
    .insertInto('task')
    .values({ project_id: projectId, name: 'Sample task', name_key: 'sample task', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const top = await db.selectFrom('ticket').select((eb) => eb.fn.max('number').as('n')).executeTakeFirst();
  const ticketNumber = Number(top?.n ?? 10_000) + 1;
  await db
    .insertInto('ticket')
    .values({ number: ticketNumber, title: 'Sample ticket', title_key: 'sample ticket', description: '', status: 'new', priority: 'normal', project_id: projectId, task_id: taskId, created_at: at, updated_at: at })
    .execute();
  return { projectId, taskId, ticketNumber };
}

/** Rows written one at a time with Kysely on a running core's database, for table tests. */
export function ticketRows(db: Kysely<Database>, clock: () => Date) {
  const at = () => clock().toISOString();
  let nextNumber = 20_000;
  return {
    async project(organisationId: number | null, name = 'Project'): Promise<number> {
      const row = await db.insertInto('project').values({ organisation_id: organisationId, name, name_key: name.toLowerCase(), created_at: at(), updated_at: at() }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    async task(projectId: number, name = 'Task'): Promise<number> {
      const row = await db.insertInto('task').values({ project_id: projectId, name, name_key: name.toLowerCase(), created_at: at(), updated_at: at() }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },
    async ticket(projectId: number, taskId: number, extra: { title?: string; status?: 'new' | 'waiting_for_customer' | 'done' | 'closed'; contactPersonId?: number; createdByAccountId?: number } = {}): Promise<number> {
      const number = ++nextNumber;
      const title = extra.title ?? `Ticket ${number}`;
      await db
        .insertInto('ticket')
        .values({
          number,
          title,
          title_key: title.toLowerCase(),
          description: '',
          status: extra.status ?? 'new',
          priority: 'normal',
          project_id: projectId,
          task_id: taskId,
          contact_person_id: extra.contactPersonId ?? null,
          created_by_account_id: extra.createdByAccountId ?? null,
          created_at: at(),
          updated_at: at(),
        })
        .execute();
      return number;
    },
    async move(number: number, projectId: number, taskId: number): Promise<void> {
      await db.updateTable('ticket').set({ project_id: projectId, task_id: taskId }).where('number', '=', number).execute();
    },
    async secondary(number: number, projectId: number): Promise<void> {
      const ticket = await db.selectFrom('ticket').select('id').where('number', '=', number).executeTakeFirstOrThrow();
      await db.insertInto('ticket_assignment').values({ ticket_id: ticket.id, project_id: projectId, task_id: null, origin: 'manual', created_at: at() }).execute();
    },
  };
}
