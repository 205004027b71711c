import type { AuditEntity, AuditReferenceKind } from '../../../shared/api/audit';
import { compiledOnce } from '../db/compiled-once';
import type { Executor } from '../db/connection';

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

const NAMES: Partial<Record<AuditEntity | AuditReferenceKind, (db: Executor, id: number) => Promise<{ rows: { name: string }[] }>>> = {
  'portal-account': accountName,
  organisation: organisationName,
  person: personName,
  'role-group': roleGroupName,
  staff: staffName,
  mail: mailName,
};

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
