import type { Executor } from '../db/connection';
import { sqlFor } from '../db/dialect/of-database';


/**
 * Who follows these tickets and wants their status mails: the portal accounts that created a
 * ticket, and those with a link to its contact person; active, not opted out. Two statements for
 * the whole batch, served by the primary keys and portal_account_link_person. Whether each may
 * still see the ticket is the access function's question (status-notifications.ts).
 */
export async function statusFollowers(db: Executor, ticketIds: readonly number[]): Promise<{ ticketId: number; accountId: number }[]> {
  if (ticketIds.length === 0) return [];
  const creators = await db
    .selectFrom('ticket as t')
    .innerJoin('portal_account as a', 'a.id', 't.created_by_account_id')
    .select(['t.id as ticketId', 'a.id as accountId'])
    .where(sqlFor(db).idsIn('t.id', ticketIds))
    .where('a.notify_status_changes', '=', 1)
    .where('a.active', '=', 1)
    .execute();
  const contacts = await db
    .selectFrom('ticket as t')
    .innerJoin('portal_account_link as l', 'l.person_id', 't.contact_person_id')
    .innerJoin('portal_account as a', 'a.id', 'l.account_id')
    .select(['t.id as ticketId', 'a.id as accountId'])
    .where(sqlFor(db).idsIn('t.id', ticketIds))
    .where('a.notify_status_changes', '=', 1)
    .where('a.active', '=', 1)
    .execute();
  return [...creators, ...contacts];
}

/** The organisations an account has links to (each a contact it acts as), the default first. */
export async function linkedOrganisations(db: Executor, accountId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('portal_account_link')
    .select('organisation_id')
    .where('account_id', '=', accountId)
    .orderBy('is_default', 'desc')
    .orderBy('organisation_id')
    .execute();
  return [...new Set(rows.map((r) => r.organisation_id))];
}
