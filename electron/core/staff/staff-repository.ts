import type { Insertable, Selectable, Updateable } from 'kysely';
import type { StaffMember } from '../../../shared/api/staff';
import type { Executor } from '../db/connection';
import type { StaffTable } from '../db/schema';
import { containsKey, instantSort, textSort } from '../db/text-search';
import { searchKey } from '../../../shared/text-key';

export type StaffRow = Selectable<StaffTable>;

/** Emails compare case-insensitively; the key is what uniqueness and sign-in use. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

export function rowToStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    mayGrantAccess: row.may_grant_access === 1,
    active: row.active === 1,
    language: row.language,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findStaffById(db: Executor, id: number): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findStaffByEmail(db: Executor, email: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('email_key', '=', emailKey(email)).executeTakeFirst();
}

export async function countStaff(db: Executor): Promise<number> {
  const row = await db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countActiveAdministrators(db: Executor, exceptId?: number): Promise<number> {
  let q = db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('active', '=', 1);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export interface StaffListQuery {
  search: string;
  sort: 'name' | 'email' | 'role' | 'lastSignInAt';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const SORT_COLUMNS = { name: 'name_key', email: 'email_key', role: 'role', lastSignInAt: 'last_sign_in_at' } as const;

export async function listStaff(db: Executor, q: StaffListQuery): Promise<{ rows: StaffRow[]; total: number }> {
  let base = db.selectFrom('staff');
  if (q.search) {
    // Keys on both sides: any part, any case, accents ignored, the same on SQLite and PostgreSQL.
    base = base.where((eb) => eb.or([containsKey(db, 'name_key', q.search), containsKey(db, 'email_key', q.search)]));
  }
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy((q.sort === 'lastSignInAt' ? instantSort : textSort)(db, SORT_COLUMNS[q.sort], q.direction))
      .orderBy('id', 'asc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Adds a staff row; returns its id. */
export async function insertStaff(db: Executor, row: Omit<Insertable<StaffTable>, 'name_key'>): Promise<number> {
  const { id } = await db.insertInto('staff').values({ ...row, name_key: searchKey(row.name) }).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateStaff(db: Executor, id: number, changes: Omit<Updateable<StaffTable>, 'name_key'>): Promise<void> {
  await db.updateTable('staff').set(changes.name === undefined ? changes : { ...changes, name_key: searchKey(changes.name) }).where('id', '=', id).execute();
}
