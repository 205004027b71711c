import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, TicketTable } from '../../electron/core/db/schema';
import type { TicketAccessSettings, TicketRightScope } from '../../shared/api/ticket-rights';

/*
 * A ticket world written straight into the database, on SQLite or PostgreSQL (the access
 * function only reads), one transaction per world and one INSERT per table, so the property
 * test can build and clear thousands.
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
  tickets: { id: number; number: number; projectId: number; taskId: number; title?: string; status?: TicketTable['status']; priority?: TicketTable['priority']; contactPersonId?: number | null; secondaryProjectId?: number | null; updatedAt?: string }[];
  settings: TicketAccessSettings;
}

const T0 = '2026-01-01T00:00:00.000Z';
/** Far in the future: a locked account stays locked whatever the test's clock says. */
const LOCKED_UNTIL = '2099-01-01T00:00:00.000Z';

/** Tables a world writes, children first: the order DELETEs must run in. */
const WORLD_TABLES = ['ticket_right_task', 'ticket_right', 'ticket_assignment', 'ticket', 'task', 'project', 'portal_account_link', 'portal_account', 'person', 'organisation'] as const;

export class TicketWorldWriter {
  constructor(private readonly db: Kysely<Database>) {}

  /** Replaces whatever world the database held with this one, in one transaction. */
  replace(world: WorldSpec): Promise<void> {
    return this.write(world);
  }

  clear(): Promise<void> {
    return this.write(null);
  }

  private write(world: WorldSpec | null): Promise<void> {
    return this.db.transaction().execute(async (trx) => {
      for (const table of WORLD_TABLES) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
      if (world) await insertWorld(trx, world);
    });
  }
}

/** Each table's rows in one statement (none when the world has none). */
async function insertWorld(trx: Transaction<Database>, w: WorldSpec): Promise<void> {
  const many = async <R>(rows: R[], insert: (rows: R[]) => Promise<unknown>) => {
    if (rows.length > 0) await insert(rows);
  };
  await many(
    w.organisations.map((o) => ({ id: o.id, name: `Org ${o.id}`, name_key: `org ${o.id}`, search_key: `org ${o.id}`, language: 'default' as const, internal: o.internal ? 1 : 0, created_at: T0, updated_at: T0 })),
    (rows) => trx.insertInto('organisation').values(rows).execute(),
  );
  await many(
    w.persons.map((p) => ({ id: p.id, organisation_id: p.organisationId, first_name: 'P', last_name: `Person ${p.id}`, name_key: `person ${p.id}`, search_key: `person ${p.id}`, language: 'default' as const, created_at: T0, updated_at: T0 })),
    (rows) => trx.insertInto('person').values(rows).execute(),
  );
  await many(
    w.accounts.map((a) => ({
      id: a.id,
      username: `a${a.id}@example.com`,
      username_key: `a${a.id}@example.com`,
      language: 'default' as const,
      active: a.active ? 1 : 0,
      activated_at: a.activated ? T0 : null,
      locked_until: a.locked ? LOCKED_UNTIL : null,
      created_at: T0,
      updated_at: T0,
    })),
    (rows) => trx.insertInto('portal_account').values(rows).execute(),
  );
  await many(
    w.accounts.flatMap((a) => a.links.map((l) => ({ account_id: a.id, organisation_id: l.organisationId, person_id: l.personId, is_default: l.isDefault ? 1 : 0 }))),
    (rows) => trx.insertInto('portal_account_link').values(rows).execute(),
  );
  await many(
    w.projects.map((p) => ({ id: p.id, organisation_id: p.organisationId, name: `Project ${p.id}`, name_key: `project ${p.id}`, created_at: T0, updated_at: T0 })),
    (rows) => trx.insertInto('project').values(rows).execute(),
  );
  await many(
    w.tasks.map((t) => ({ id: t.id, project_id: t.projectId, name: `Task ${t.id}`, name_key: `task ${t.id}`, archived_at: t.archived ? t.createdAt : null, created_at: t.createdAt, updated_at: t.createdAt })),
    (rows) => trx.insertInto('task').values(rows).execute(),
  );
  await many(
    w.rights.map((r) => {
      const account = 'accountId' in r.holder ? r.holder : null;
      return {
        id: r.id,
        person_id: 'personId' in r.holder ? r.holder.personId : null,
        account_id: account?.accountId ?? null,
        account_organisation_id: account?.organisationId ?? null,
        project_id: r.projectId,
        scope: r.scope,
        task_id: r.taskId,
        read_only: r.readOnly ? 1 : 0,
        created_at: r.createdAt,
        revoked_at: r.revokedAt,
      };
    }),
    (rows) => trx.insertInto('ticket_right').values(rows).execute(),
  );
  await many(
    w.rights.flatMap((r) => r.taskIds.map((task) => ({ right_id: r.id, task_id: task }))),
    (rows) => trx.insertInto('ticket_right_task').values(rows).execute(),
  );
  await many(
    w.tickets.map((t) => {
      const title = t.title ?? `Ticket ${t.number}`;
      return {
        id: t.id,
        number: t.number,
        title,
        title_key: title.toLowerCase(),
        description: '',
        status: t.status ?? 'new',
        priority: t.priority ?? 'normal',
        project_id: t.projectId,
        task_id: t.taskId,
        contact_person_id: t.contactPersonId ?? null,
        created_at: T0,
        updated_at: t.updatedAt ?? T0,
      };
    }),
    (rows) => trx.insertInto('ticket').values(rows).execute(),
  );
  await many(
    w.tickets.filter((t) => t.secondaryProjectId != null && t.secondaryProjectId !== t.projectId).map((t) => ({ ticket_id: t.id, project_id: t.secondaryProjectId as number, task_id: null, origin: 'manual' as const, created_at: T0 })),
    (rows) => trx.insertInto('ticket_assignment').values(rows).execute(),
  );
  await trx
    .insertInto('setting')
    .values({ key: 'ticketAccess', value_json: JSON.stringify(w.settings) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: (eb) => eb.ref('excluded.value_json') }))
    .execute();
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
