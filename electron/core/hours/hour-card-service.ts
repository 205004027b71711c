import type { ParsedInputOf } from '../../../shared/api';
import type { HourCard } from '../../../shared/api/hours';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { cardUse } from './hour-balance';
import {
  balanceCards,
  billableMinutesPerDay,
  deleteHourCardRow,
  findHourCardRow,
  insertHourCard,
  listHourCardRows,
  organisationName,
  organisationProjects,
  type HourCardRow,
} from './hour-card-repository';

const organisationNotFound = (id: number) =>
  new AppError('NOT_FOUND', `Organisation ${id} does not exist.`, { fields: { organisationId: { code: 'not_found' } } });

const toHourCard = (row: HourCardRow, used: number): HourCard => ({
  id: row.id,
  organisationId: row.organisation_id,
  projectId: row.project_id,
  projectName: row.project_name,
  purchasedOn: row.purchased_on,
  minutes: row.minutes,
  usedMinutes: used,
  remainingMinutes: row.minutes - used,
  note: row.note,
  createdAt: row.created_at,
});

/** What the audit log keeps of a card. */
const auditView = (row: HourCardRow) => ({
  organisationId: row.organisation_id,
  projectId: row.project_id,
  purchasedOn: row.purchased_on,
  minutes: row.minutes,
  note: row.note,
});

const auditLabel = (row: HourCardRow) => `${row.minutes / 60} h, ${row.purchased_on}${row.project_name ? `, ${row.project_name}` : ''}`;

/** Minutes each card of the organisation has given, over all of its billable time (cards serve oldest first). */
async function usedByCard(db: Executor, organisationId: number): Promise<Map<number, number>> {
  return cardUse(await balanceCards(db, organisationId, null), await billableMinutesPerDay(db, organisationId, null));
}

export async function listHourCards(deps: CoreDeps, organisationId: number): Promise<HourCard[]> {
  if ((await organisationName(deps.db, organisationId)) === undefined) throw organisationNotFound(organisationId);
  const [rows, used] = await Promise.all([listHourCardRows(deps.db, organisationId), usedByCard(deps.db, organisationId)]);
  return rows.map((row) => toHourCard(row, used.get(row.id) ?? 0));
}

export async function createHourCard(deps: CoreDeps, actor: Actor, fields: ParsedInputOf<'hour-cards:create'>): Promise<HourCard> {
  const now = isoNow(deps.clock);
  const id = await deps.db.transaction().execute(async (trx) => {
    if ((await organisationName(trx, fields.organisationId)) === undefined) throw organisationNotFound(fields.organisationId);
    if (fields.projectId !== null) {
      const projects = await organisationProjects(trx, fields.organisationId);
      if (!projects.some((p) => p.id === fields.projectId)) {
        throw new AppError('NOT_FOUND', `Project ${fields.projectId} is not a project of this organisation.`, { fields: { projectId: { code: 'not_found' } } });
      }
    }
    const id = await insertHourCard(trx, {
      organisation_id: fields.organisationId,
      project_id: fields.projectId,
      purchased_on: fields.purchasedOn,
      minutes: fields.minutes,
      note: fields.note,
      created_at: now,
    });
    const created = await findHourCardRow(trx, id);
    if (!created) throw new AppError('INTERNAL', 'The hour card just saved was not found.');
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'hour-card', entityId: id, action: 'created', after: auditView(created), label: auditLabel(created) });
    return id;
  });
  const cards = await listHourCards(deps, fields.organisationId);
  const card = cards.find((c) => c.id === id);
  if (!card) throw new AppError('INTERNAL', 'The hour card just saved was not found.');
  return card;
}

/**
 * Deletes a card nothing has been taken from yet (a mistaken entry). Once time has used it, the
 * reports of past periods rest on it, so it stays (2Value: hour cards are not changed afterwards).
 */
export async function deleteHourCard(deps: CoreDeps, actor: Actor, id: number): Promise<null> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const card = await findHourCardRow(trx, id);
    if (!card) throw new AppError('NOT_FOUND', `Hour card ${id} does not exist.`, { fields: { id: { code: 'not_found' } } });
    const used = (await usedByCard(trx, card.organisation_id)).get(id) ?? 0;
    if (used > 0) {
      throw new AppError('IN_USE', `${used} minutes of this hour card have been used; it can no longer be deleted.`, { params: { minutes: used } });
    }
    await deleteHourCardRow(trx, id);
    await recordAudit(trx, { at: now, staffId: actor.id, entity: 'hour-card', entityId: id, action: 'deleted', before: auditView(card), label: auditLabel(card) });
  });
  return null;
}
