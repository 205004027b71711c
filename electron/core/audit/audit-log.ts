import { categoryNameKey, referenceKey, type AuditAction, type AuditEntity, type AuditField, type AuditReferenceKind, type AuditVia } from '../../../shared/api/audit';
import type { Executor } from '../db/connection';
import { currentAuditAccount, currentAuditOrigin } from './audit-origin';
import { currentCategoryNames, currentName, insertAuditRow, insertAuditRows, type AuditRowValues } from './audit-repository';

/** Values of an entry: only field names the renderer has a label for (a new one fails to compile until it gets one). */
export type AuditValues<T> = T & { [K in Exclude<keyof T, AuditField>]: never };

export interface AuditRecord<B, A> {
  at: string;
  staffId: number | null;
  entity: AuditEntity;
  entityId: number | null;
  action: AuditAction;
  before?: AuditValues<B> | null;
  after?: AuditValues<A> | null;
  /** The record's name when it is not (or no longer) in its table; otherwise read from there. */
  label?: string | null;
  /** Only the portal says so itself; other calls take it from the transport (see audit-origin). */
  via?: AuditVia;
  /** The portal account that acted; by default the one making the current call (see audit-origin). */
  accountId?: number | null;
}

/** Appends one audit record; call it inside the transaction that makes the change. */
export async function recordAudit<B extends object, A extends object>(trx: Executor, record: AuditRecord<B, A>): Promise<void> {
  const before = (record.before ?? null) as Record<string, unknown> | null;
  const after = (record.after ?? null) as Record<string, unknown> | null;
  const label =
    record.label ?? (record.entityId !== null ? await currentName(trx, record.entity, record.entityId) : null) ?? labelFromValues(before ?? after);
  const names = await namesAsTheyAre(trx, referencesIn(before, after), {});
  await insertAuditRow(
    trx,
    record.at,
    record.staffId,
    record.entity,
    record.entityId,
    record.action,
    before ? JSON.stringify(before) : null,
    after ? JSON.stringify(after) : null,
    label,
    record.via ?? currentAuditOrigin(),
    Object.keys(names).length > 0 ? JSON.stringify(names) : null,
    record.accountId ?? currentAuditAccount(),
  );
}

/**
 * Many records of one kind at once (an import's chunk), as recordAudit writes each: the label
 * given, the call's origin, and the names of what the values point at, each name read once
 * for the whole batch.
 */
export async function recordAuditBatch<A extends object>(
  trx: Executor,
  records: readonly (Omit<AuditRecord<never, A>, 'before'> & { label: string })[],
): Promise<void> {
  const via = currentAuditOrigin();
  const seen: Record<string, string> = {};
  for (const record of records) {
    const after = (record.after ?? null) as Record<string, unknown> | null;
    const refs = referencesIn(after);
    Object.assign(seen, await namesAsTheyAre(trx, refs, seen));
    const names = Object.fromEntries(refs.flatMap(keysOf).filter((k) => k in seen).map((k) => [k, seen[k] as string]));
    await insertAuditRow(trx, record.at, record.staffId, record.entity, record.entityId, record.action, null, after ? JSON.stringify(after) : null, record.label, record.via ?? via, Object.keys(names).length > 0 ? JSON.stringify(names) : null, record.accountId ?? currentAuditAccount());
  }
}

/**
 * Many records with before and after at once (a bulk action's chunk), each as recordAudit
 * writes it (given label, the call's origin, the names its values point at, each read once),
 * all in one statement: one per record cost a bulk move more than the move itself.
 */
export async function recordAuditMany<B extends object, A extends object>(
  trx: Executor,
  records: readonly (AuditRecord<B, A> & { label: string })[],
): Promise<void> {
  const via = currentAuditOrigin();
  const seen: Record<string, string> = {};
  const rows: AuditRowValues[] = [];
  for (const record of records) {
    const before = (record.before ?? null) as Record<string, unknown> | null;
    const after = (record.after ?? null) as Record<string, unknown> | null;
    const refs = referencesIn(before, after);
    if (refs.length > 0) Object.assign(seen, await namesAsTheyAre(trx, refs, seen));
    const names = Object.fromEntries(refs.flatMap(keysOf).filter((k) => k in seen).map((k) => [k, seen[k] as string]));
    rows.push({
      at: record.at,
      staffId: record.staffId,
      entity: record.entity,
      entityId: record.entityId,
      action: record.action,
      before: before ? JSON.stringify(before) : null,
      after: after ? JSON.stringify(after) : null,
      label: record.label,
      via: record.via ?? via,
      names: Object.keys(names).length > 0 ? JSON.stringify(names) : null,
      accountId: record.accountId ?? currentAuditAccount(),
    });
  }
  await insertAuditRows(trx, rows);
}

/** A deleted record's name from the values its deletion kept. */
function labelFromValues(values: Record<string, unknown> | null): string | null {
  if (!values) return null;
  const text = (key: string) => (typeof values[key] === 'string' && values[key] !== '' ? values[key] : null);
  const person = [text('firstName'), text('lastName')].filter(Boolean).join(' ');
  return text('name') ?? text('username') ?? (person || null) ?? text('to');
}

interface Reference {
  /** A ticket category is named once per UI language (categoryNameKey); the others once (referenceKey). */
  kind: AuditReferenceKind | 'ticket-category';
  id: number;
}

const CATEGORY_LANGUAGES = ['en', 'nl', 'de'] as const;

/** The keys a reference's name is kept under in an entry's `names`. */
const keysOf = (ref: Reference): string[] =>
  ref.kind === 'ticket-category' ? CATEGORY_LANGUAGES.map((language) => categoryNameKey(ref.id, language)) : [referenceKey(ref.kind, ref.id)];

const ids = (value: unknown): number[] => (Array.isArray(value) ? value : [value]).filter((v): v is number => typeof v === 'number');

/** The records an entry's values point at: parent and linked organisations, linked persons, role groups, the mail's account, projects, tasks, staff, tickets. */
export function referencesIn(...sides: (Record<string, unknown> | null)[]): Reference[] {
  const refs: Reference[] = [];
  for (const values of sides) {
    if (!values) continue;
    for (const id of ids(values.parentId)) refs.push({ kind: 'organisation', id });
    for (const id of ids(values.organisationId)) refs.push({ kind: 'organisation', id });
    for (const id of ids(values.roleGroupIds)) refs.push({ kind: 'role-group', id });
    for (const id of ids(values.accountId)) refs.push({ kind: 'portal-account', id });
    // Tickets, time entries, hour cards and tasks (issue 11): projects as "name (organisation)".
    for (const id of [...ids(values.projectId), ...ids(values.primaryProjectId)]) refs.push({ kind: 'project', id });
    for (const id of [...ids(values.taskId), ...ids(values.primaryTaskId)]) refs.push({ kind: 'task', id });
    for (const id of [...ids(values.assigneeId), ...ids(values.staffId)]) refs.push({ kind: 'staff', id });
    for (const id of ids(values.contactPersonId)) refs.push({ kind: 'person', id });
    for (const id of ids(values.ticketId)) refs.push({ kind: 'ticket', id });
    // A ticket's categories by name in every language, so the log reads "Bug, Question", not "3, 7".
    for (const id of ids(values.categoryIds)) refs.push({ kind: 'ticket-category', id });
    if (Array.isArray(values.secondaryAssignments)) {
      for (const assignment of values.secondaryAssignments as { projectId?: unknown; taskId?: unknown }[]) {
        for (const id of ids(assignment.projectId)) refs.push({ kind: 'project', id });
        for (const id of ids(assignment.taskId)) refs.push({ kind: 'task', id });
      }
    }
    if (Array.isArray(values.links)) {
      for (const link of values.links as { organisationId?: unknown; personId?: unknown }[]) {
        for (const id of ids(link.organisationId)) refs.push({ kind: 'organisation', id });
        for (const id of ids(link.personId)) refs.push({ kind: 'person', id });
      }
    }
  }
  return refs;
}

/** Fills in the names of references not named yet, from the records as they are now. */
export async function namesAsTheyAre(db: Executor, refs: readonly Reference[], known: Record<string, string>): Promise<Record<string, string>> {
  const names = { ...known };
  for (const ref of refs) {
    if (ref.kind === 'ticket-category') {
      if (categoryNameKey(ref.id, 'en') in names) continue;
      const translated = await currentCategoryNames(db, ref.id);
      if (translated) for (const language of CATEGORY_LANGUAGES) names[categoryNameKey(ref.id, language)] = translated[language];
      continue;
    }
    const key = referenceKey(ref.kind, ref.id);
    if (key in names) continue;
    const name = await currentName(db, ref.kind, ref.id);
    if (name !== null) names[key] = name;
  }
  return names;
}

/** Only the fields that differ, so an audit entry shows what changed and nothing else. */
export function changedFields<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
