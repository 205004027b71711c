import type { AuditEntity } from '../../../shared/api/audit';
import { compiledOnce } from '../db/compiled-once';
import type { Executor } from '../db/connection';

export interface AuditRecord {
  at: string;
  staffId: number | null;
  entity: AuditEntity;
  entityId: number | null;
  action: string;
  before?: object | null;
  after?: object | null;
}

/** Appends one audit record; call it inside the transaction that makes the change. */
export async function recordAudit(trx: Executor, record: AuditRecord): Promise<void> {
  await insertAudit(
    trx,
    record.at,
    record.staffId,
    record.entity,
    record.entityId,
    record.action,
    record.before ? JSON.stringify(record.before) : null,
    record.after ? JSON.stringify(record.after) : null,
  );
}

// Compiled once: every change writes one, a bulk action thousands.
const insertAudit = compiledOnce(
  (db, at: string, staffId: number | null, entity: string, entityId: number | null, action: string, before: string | null, after: string | null) =>
    db.insertInto('audit_log').values({ at, staff_id: staffId, entity, entity_id: entityId, action, before_json: before, after_json: after }),
);

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
