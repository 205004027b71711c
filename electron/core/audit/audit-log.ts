import type { AuditEntity } from '../../../shared/api/audit';
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
  await trx
    .insertInto('audit_log')
    .values({
      at: record.at,
      staff_id: record.staffId,
      entity: record.entity,
      entity_id: record.entityId,
      action: record.action,
      before_json: record.before ? JSON.stringify(record.before) : null,
      after_json: record.after ? JSON.stringify(record.after) : null,
    })
    .execute();
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
