import type { UiLanguage } from '../../../shared/api/common';
import type { TicketCategory } from '../../../shared/api/tickets';
import { AppError } from '../../../shared/errors';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { findCategory, insertCategory, listCategoryRows, updateCategoryRow, type CategoryRow } from './category-repository';

interface CategoryNames {
  nameEn: string;
  nameNl: string;
  nameDe: string;
}

const NAME_OF: Record<UiLanguage, keyof CategoryNames> = { en: 'nameEn', nl: 'nameNl', de: 'nameDe' };

export function rowToCategory(row: CategoryRow, language: UiLanguage = 'en'): TicketCategory {
  const names = { nameEn: row.name_en, nameNl: row.name_nl, nameDe: row.name_de };
  return { id: row.id, ...names, name: names[NAME_OF[language]], archived: row.archived_at !== null };
}

const auditView = (c: TicketCategory) => ({ nameEn: c.nameEn, nameNl: c.nameNl, nameDe: c.nameDe, archived: c.archived });

async function requireCategory(db: Executor, id: number): Promise<TicketCategory> {
  const row = await findCategory(db, id);
  if (!row) throw new AppError('NOT_FOUND', `Ticket category ${id} does not exist.`, { fields: { id: { code: 'not_found' } } });
  return rowToCategory(row);
}

export async function listCategories(deps: CoreDeps, q: { language: UiLanguage; includeArchived: boolean }): Promise<TicketCategory[]> {
  const rows = await listCategoryRows(deps.db, q.language, q.includeArchived);
  return rows.map((row) => rowToCategory(row, q.language));
}

export async function createCategory(deps: CoreDeps, actor: Actor, names: CategoryNames): Promise<TicketCategory> {
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertCategory(trx, { name_en: names.nameEn, name_nl: names.nameNl, name_de: names.nameDe, created_at: now, updated_at: now });
    const created = await requireCategory(trx, id);
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'ticket-category', entityId: id, action: 'created', label: created.nameEn, after: auditView(created) });
    return created;
  });
}

async function changeCategory(deps: CoreDeps, actor: Actor, id: number, changes: Parameters<typeof updateCategoryRow>[2], action: 'updated' | 'archived'): Promise<TicketCategory> {
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const before = await requireCategory(trx, id);
    if (action === 'archived' && before.archived) return before;
    await updateCategoryRow(trx, id, { ...changes, updated_at: now });
    const after = await requireCategory(trx, id);
    const diff = changedFields(auditView(before), auditView(after));
    if (Object.keys(diff.after).length > 0) await recordAudit(trx, { at: now, staffId: actor.id, entity: 'ticket-category', entityId: id, action, label: after.nameEn, ...diff });
    return after;
  });
}

export function updateCategory(deps: CoreDeps, actor: Actor, input: CategoryNames & { id: number }): Promise<TicketCategory> {
  return changeCategory(deps, actor, input.id, { name_en: input.nameEn, name_nl: input.nameNl, name_de: input.nameDe }, 'updated');
}

/** Tickets keep an archived category; it is no longer offered. */
export function archiveCategory(deps: CoreDeps, actor: Actor, id: number): Promise<TicketCategory> {
  return changeCategory(deps, actor, id, { archived_at: isoNow(deps.clock) }, 'archived');
}
