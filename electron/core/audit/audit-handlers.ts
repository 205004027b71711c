import type { AuditEntity, AuditEntry, auditApi } from '../../../shared/api/audit';
import type { Handlers } from '../context';
import type { Executor } from '../db/connection';
import { namesAsTheyAre, referencesIn } from './audit-log';
import { existingRecords, findAuditPage, findAuditPageOfRecords, type AuditQuery, type AuditRecordSet } from './audit-repository';

const parseJson = (value: string | null): Record<string, unknown> | null =>
  value === null ? null : (JSON.parse(value) as Record<string, unknown>);

type AuditRow = Awaited<ReturnType<typeof findAuditPage>>['rows'][number];

/** Newest first, with the names of the records the entries point at. */
export async function listAudit(db: Executor, q: AuditQuery) {
  const { rows, total } = await findAuditPage(db, q);
  return { rows: await auditEntries(db, rows), total };
}

/** The entries of these records together (a ticket and its time entries), newest first, as listAudit gives them. */
export async function listAuditOfRecords(db: Executor, records: readonly AuditRecordSet[], offset: number, limit: number) {
  const { rows, total } = await findAuditPageOfRecords(db, records, offset, limit);
  return { rows: await auditEntries(db, rows), total };
}

/** The acting portal account's username; a deleted account's from the entry about it, where it is one. */
function accountNameOf(r: AuditRow): string | null {
  if (r.account_id === null) return null;
  if (r.account_username !== null) return r.account_username;
  return r.entity === 'portal-account' && r.entity_id === r.account_id ? r.label : null;
}

/** Stored rows as entries: values parsed, whether the record still exists, the names of what they point at. */
async function auditEntries(db: Executor, rows: readonly AuditRow[]): Promise<AuditEntry[]> {
  const existing = await existingRecords(
    db,
    rows.flatMap((r) => (r.entity_id !== null ? [{ entity: r.entity as AuditEntity, id: r.entity_id }] : [])),
  );
  const entries = [];
  for (const r of rows) {
    const before = parseJson(r.before_json);
    const after = parseJson(r.after_json);
    // Entries written before names were kept (or a name not known then) fall back to the name as it is now.
    const names = await namesAsTheyAre(db, referencesIn(before, after), (r.names_json ? JSON.parse(r.names_json) : {}) as Record<string, string>);
    entries.push({
      id: r.id,
      at: r.at,
      staffId: r.staff_id,
      staffName: r.staff_name,
      accountId: r.account_id,
      accountName: accountNameOf(r),
      via: r.via,
      entity: r.entity as AuditEntity,
      entityId: r.entity_id,
      label: r.label,
      exists: r.entity_id !== null && existing.has(`${r.entity}:${r.entity_id}`),
      action: r.action,
      before,
      after,
      names,
    });
  }
  return entries;
}

export const auditHandlers: Handlers<keyof typeof auditApi> = {
  'audit:list': (input, { deps }) => listAudit(deps.db, input),
};
