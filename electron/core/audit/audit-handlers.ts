import type { AuditEntity, auditApi } from '../../../shared/api/audit';
import type { ParsedInputOf } from '../../../shared/api';
import type { Handlers } from '../context';
import type { Executor } from '../db/connection';
import { namesAsTheyAre, referencesIn } from './audit-log';
import { existingRecords } from './audit-repository';

type AuditQuery = ParsedInputOf<'audit:list'>;

const parseJson = (value: string | null): Record<string, unknown> | null =>
  value === null ? null : (JSON.parse(value) as Record<string, unknown>);

/** Newest first; `to` is inclusive, so it compares against the start of the following day. */
export async function listAudit(db: Executor, q: AuditQuery) {
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
      .selectAll('a')
      .select('s.name as staff_name')
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
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
  return { rows: entries, total: Number(count.n) };
}

export const auditHandlers: Handlers<keyof typeof auditApi> = {
  'audit:list': (input, { deps }) => listAudit(deps.db, input),
};
