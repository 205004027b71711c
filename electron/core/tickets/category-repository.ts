import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../db/connection';
import type { TicketCategoryTable } from '../db/schema';

export interface CategoryRow {
  id: number;
  name_en: string;
  name_nl: string;
  name_de: string;
  archived_at: string | null;
}

const COLUMNS = ['id', 'name_en', 'name_nl', 'name_de', 'archived_at'] as const;

export async function findCategory(db: Executor, id: number): Promise<CategoryRow | undefined> {
  return db.selectFrom('ticket_category').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The categories, in the order of their names in LANGUAGE (a short list the administrators keep). */
export async function listCategoryRows(db: Executor, language: 'en' | 'nl' | 'de', includeArchived: boolean): Promise<CategoryRow[]> {
  let query = db.selectFrom('ticket_category').select(COLUMNS);
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.orderBy(`name_${language}`).orderBy('id').execute();
}

/** Which of these categories exist. */
export async function existingCategoryIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('ticket_category').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertCategory(db: Executor, row: Insertable<TicketCategoryTable>): Promise<number> {
  const { id } = await db.insertInto('ticket_category').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateCategoryRow(db: Executor, id: number, changes: Updateable<TicketCategoryTable>): Promise<void> {
  await db.updateTable('ticket_category').set(changes).where('id', '=', id).execute();
}
