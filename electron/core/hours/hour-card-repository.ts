import type { Insertable } from 'kysely';
import type { Executor } from '../db/connection';
import type { HourCardTable } from '../db/schema';
import type { BalanceCard, DayUsage } from './hour-balance';

/** An hour card row with its project's name. */
export interface HourCardRow {
  id: number;
  organisation_id: number;
  project_id: number | null;
  project_name: string | null;
  purchased_on: string;
  minutes: number;
  note: string;
  created_at: string;
}

const cardColumns = ['c.id', 'c.organisation_id', 'c.project_id', 'p.name as project_name', 'c.purchased_on', 'c.minutes', 'c.note', 'c.created_at'] as const;

/** The organisation's cards in the order they are used up: purchase date, then id (index hour_card_organisation). */
export function listHourCardRows(db: Executor, organisationId: number): Promise<HourCardRow[]> {
  return db
    .selectFrom('hour_card as c')
    .leftJoin('project as p', 'p.id', 'c.project_id')
    .select(cardColumns)
    .where('c.organisation_id', '=', organisationId)
    .orderBy('c.purchased_on')
    .orderBy('c.id')
    .execute();
}

export function findHourCardRow(db: Executor, id: number): Promise<HourCardRow | undefined> {
  return db.selectFrom('hour_card as c').leftJoin('project as p', 'p.id', 'c.project_id').select(cardColumns).where('c.id', '=', id).executeTakeFirst();
}

export async function insertHourCard(db: Executor, row: Insertable<HourCardTable>): Promise<number> {
  const inserted = await db.insertInto('hour_card').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function deleteHourCardRow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('hour_card').where('id', '=', id).execute();
}

/** The organisation's name, or undefined when there is no such organisation. */
export async function organisationName(db: Executor, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('organisation').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}

/** The organisation's projects (archived ones too: their time and cards still count), by name. */
export function organisationProjects(db: Executor, organisationId: number): Promise<{ id: number; name: string }[]> {
  return db.selectFrom('project').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name_key').orderBy('id').execute();
}

/** The organisation's cards bought up to LAST_DAY, as the balance needs them. */
export async function balanceCards(db: Executor, organisationId: number, lastDay: string | null): Promise<BalanceCard[]> {
  let query = db.selectFrom('hour_card').select(['id', 'purchased_on', 'minutes', 'project_id']).where('organisation_id', '=', organisationId);
  if (lastDay !== null) query = query.where('purchased_on', '<=', lastDay);
  const rows = await query.orderBy('purchased_on').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, purchasedOn: r.purchased_on, minutes: r.minutes, projectId: r.project_id }));
}

/**
 * Billable minutes per day and project on the organisation's projects, from the first booking
 * up to LAST_DAY (null: all): the balance runs from the beginning, since every earlier booking
 * has used up cards.
 */
export async function billableMinutesPerDay(db: Executor, organisationId: number, lastDay: string | null): Promise<DayUsage[]> {
  let query = db
    .selectFrom('time_entry as e')
    .innerJoin('project as p', 'p.id', 'e.project_id')
    .select(['e.work_date', 'e.project_id', (eb) => eb.fn.sum<number>('e.minutes').as('minutes')])
    .where('p.organisation_id', '=', organisationId)
    .where('e.billable', '=', 1);
  if (lastDay !== null) query = query.where('e.work_date', '<=', lastDay);
  const rows = await query.groupBy(['e.work_date', 'e.project_id']).orderBy('e.work_date').orderBy('e.project_id').execute();
  return rows.map((r) => ({ day: r.work_date, projectId: r.project_id, minutes: Number(r.minutes) }));
}
