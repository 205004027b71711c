import { sql } from 'kysely';
import type { ParsedInputOf } from '../../../shared/api';
import type { AuditEntity, AuditReferenceKind, AuditVia } from '../../../shared/api/audit';
import { compiledOnce } from '../db/compiled-once';
import type { Executor } from '../db/connection';
import { sqlFor } from '../db/dialect/of-database';

export type AuditQuery = ParsedInputOf<'audit:list'>;

/** One page of the audit log, newest first, with the staff user's name (or the portal account's username); `to` is inclusive, so it compares against the start of the following day. */
export async function findAuditPage(db: Executor, q: AuditQuery) {
  let filtered = db.selectFrom('audit_log as a').leftJoin('staff as s', 's.id', 'a.staff_id');
  if (q.entity) filtered = filtered.where('a.entity', '=', q.entity);
  if (q.entityId !== undefined) filtered = filtered.where('a.entity_id', '=', q.entityId);
  if (q.staffId !== undefined) filtered = filtered.where('a.staff_id', '=', q.staffId);
  if (q.from) filtered = filtered.where('a.at', '>=', `${q.from}T00:00:00.000Z`);
  if (q.to) {
    const next = new Date(`${q.to}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    filtered = filtered.where('a.at', '<', next.toISOString());
  }
  const [rows, count] = await Promise.all([
    filtered
      // The portal account that acted, by its primary key: only for the page's rows, not the count.
      .leftJoin('portal_account as pa', 'pa.id', 'a.account_id')
      .selectAll('a')
      .select(['s.name as staff_name', 'pa.username as account_username'])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Compiled once: every change writes one audit row, a bulk action thousands. */
export const insertAuditRow = compiledOnce(
  (
    db,
    at: string,
    staffId: number | null,
    entity: string,
    entityId: number | null,
    action: string,
    before: string | null,
    after: string | null,
    label: string | null,
    via: string,
    names: string | null,
    accountId: number | null,
  ) =>
    db.insertInto('audit_log').values({
      account_id: accountId,
      at,
      staff_id: staffId,
      entity,
      entity_id: entityId,
      action,
      before_json: before,
      after_json: after,
      label,
      via: via as AuditVia,
      names_json: names,
    }),
);

// Compiled once: a bulk activation names thousands of accounts.
const accountName = compiledOnce((db, id: number) => db.selectFrom('portal_account').select('username as name').where('id', '=', id));
const organisationName = compiledOnce((db, id: number) => db.selectFrom('organisation').select('name').where('id', '=', id));
const personName = compiledOnce((db, id: number) =>
  db
    .selectFrom('person')
    .select((eb) => eb.fn<string>('trim', [eb(eb.fn.coalesce('first_name', eb.val('')), '||', eb(eb.val(' '), '||', eb.ref('last_name')))]).as('name'))
    .where('id', '=', id),
);
const roleGroupName = compiledOnce((db, id: number) => db.selectFrom('role_group').select('name').where('id', '=', id));
const staffName = compiledOnce((db, id: number) => db.selectFrom('staff').select('name').where('id', '=', id));
const mailName = compiledOnce((db, id: number) => db.selectFrom('outbox_mail').select('to_address as name').where('id', '=', id));
// A project with its customer, "Website relaunch (Brouwerij Ørsted)": two customers' projects often share a name.
const projectName = compiledOnce((db, id: number) =>
  db
    .selectFrom('project as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(sql<string>`CASE WHEN o.name IS NULL THEN p.name ELSE p.name || ' (' || o.name || ')' END`.as('name'))
    .where('p.id', '=', id),
);
const taskName = compiledOnce((db, id: number) => db.selectFrom('task').select('name').where('id', '=', id));
const ticketName = compiledOnce((db, id: number) => db.selectFrom('ticket').select(sql<string>`'T-' || number || ' ' || title`.as('name')).where('id', '=', id));

const NAMES: Partial<Record<AuditEntity | AuditReferenceKind, (db: Executor, id: number) => Promise<{ rows: { name: string }[] }>>> = {
  'portal-account': accountName,
  organisation: organisationName,
  person: personName,
  'role-group': roleGroupName,
  staff: staffName,
  mail: mailName,
  project: projectName,
  task: taskName,
  ticket: ticketName,
};

const categoryNames = compiledOnce((db, id: number) => db.selectFrom('ticket_category').select(['name_en as en', 'name_nl as nl', 'name_de as de']).where('id', '=', id));

/** A ticket category's name in every UI language as it is now; null for one that is gone. */
export async function currentCategoryNames(db: Executor, id: number): Promise<{ en: string; nl: string; de: string } | null> {
  return (await categoryNames(db, id)).rows[0] ?? null;
}

/** The record's name as it is now; null for kinds without one or a record that is gone. */
export async function currentName(db: Executor, kind: AuditEntity | AuditReferenceKind, id: number): Promise<string | null> {
  const query = NAMES[kind];
  if (!query) return null;
  const { rows } = await query(db, id);
  return rows[0]?.name ?? null;
}

const TABLES = {
  'portal-account': 'portal_account',
  organisation: 'organisation',
  person: 'person',
  'role-group': 'role_group',
  staff: 'staff',
  mail: 'outbox_mail',
  // issue 11: projects and tickets
  project: 'project',
  task: 'task',
  'ticket-category': 'ticket_category',
  ticket: 'ticket',
  'time-entry': 'time_entry',
} as const;

/** Which of these records still exist, as "entity:id" keys. */
export async function existingRecords(db: Executor, refs: readonly { entity: AuditEntity; id: number }[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const [entity, table] of Object.entries(TABLES) as [keyof typeof TABLES, (typeof TABLES)[keyof typeof TABLES]][]) {
    const ids = [...new Set(refs.filter((r) => r.entity === entity).map((r) => r.id))];
    if (ids.length === 0) continue;
    const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
    for (const r of rows) found.add(`${entity}:${r.id}`);
  }
  return found;
}

/** Records of one kind, by id. */
export interface AuditRecordSet {
  entity: AuditEntity;
  ids: readonly number[];
}

/** One page of the entries of these records together, newest first, with the staff user's name (a ticket's history: the ticket and its time entries). */
export async function findAuditPageOfRecords(db: Executor, records: readonly AuditRecordSet[], offset: number, limit: number) {
  const wanted = records.filter((r) => r.ids.length > 0);
  if (wanted.length === 0) return { rows: [], total: 0 };
  // Each set is served by the index audit_log_entity (entity, entity_id).
  const filtered = db
    .selectFrom('audit_log as a')
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .where((eb) => eb.or(wanted.map((r) => eb.and([eb('a.entity', '=', r.entity), eb('a.entity_id', 'in', [...r.ids])]))));
  const [rows, count] = await Promise.all([
    filtered
      .leftJoin('portal_account as pa', 'pa.id', 'a.account_id')
      .selectAll('a')
      .select(['s.name as staff_name', 'pa.username as account_username'])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * Ids of deleted records of ENTITY whose deletion kept FIELD = VALUE in its values (the time
 * entries a ticket once had): the records are gone, their audit entries are not. Reads only
 * the 'deleted' entries of that kind.
 */
export async function deletedRecordIds(db: Executor, entity: AuditEntity, field: 'ticketId', value: number): Promise<number[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('entity_id')
    .where('entity', '=', entity)
    .where('action', '=', 'deleted')
    .where(sqlFor(db).jsonText('before_json', field), '=', String(value))
    .execute();
  return rows.flatMap((r) => (r.entity_id !== null ? [r.entity_id] : []));
}

/** One audit row, as insertAuditRow takes it. */
export interface AuditRowValues {
  at: string;
  staffId: number | null;
  entity: string;
  entityId: number | null;
  action: string;
  before: string | null;
  after: string | null;
  label: string | null;
  via: AuditVia;
  names: string | null;
  accountId: number | null;
}

/** Many audit rows in one statement (their values as one JSON parameter): a bulk action's thousands cost one round trip. */
export async function insertAuditRows(db: Executor, rows: readonly AuditRowValues[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => [r.at, r.staffId, r.entity, r.entityId, r.action, r.before, r.after, r.label, r.via, r.names, r.accountId]));
  await sql`
    INSERT INTO audit_log (at, staff_id, entity, entity_id, action, before_json, after_json, label, via, names_json, account_id)
    SELECT ${sqlFor(db).instant(sql`value ->> 0`)}, CAST(value ->> 1 AS integer), value ->> 2, CAST(value ->> 3 AS integer), value ->> 4, value ->> 5, value ->> 6,
      value ->> 7, value ->> 8, value ->> 9, CAST(value ->> 10 AS integer)
    FROM ${sqlFor(db).jsonElements(json)}`.execute(db);
}
