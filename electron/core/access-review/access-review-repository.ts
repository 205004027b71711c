import type { Executor } from '../db/connection';
import { ticketVisibleTo } from '../ticket-access/ticket-access-repository';
import type { TicketScope } from '../ticket-access/ticket-access';

/** An account as the review reads it: its status columns, for accountStatus(). */
export interface ReviewAccountRow {
  id: number;
  username: string;
  active: number;
  locked_until: string | null;
  activated_at: string | null;
  password_hash: string | null;
  activation_sent_at: string | null;
  activation_expires_at: string | null;
}

/** Every portal account (only those linked to the organisation, when given), by username. */
export async function readReviewAccounts(db: Executor, organisationId: number | undefined): Promise<ReviewAccountRow[]> {
  let query = db
    .selectFrom('portal_account')
    .select(['id', 'username', 'active', 'locked_until', 'activated_at', 'password_hash', 'activation_sent_at', 'activation_expires_at']);
  if (organisationId !== undefined) {
    query = query.where('id', 'in', db.selectFrom('portal_account_link').select('account_id').where('organisation_id', '=', organisationId));
  }
  return query.orderBy('username_key').orderBy('id').execute();
}

export interface ReviewLinkRow {
  account_id: number;
  organisation_id: number;
  organisation_name: string;
  person_id: number | null;
  first_name: string | null;
  last_name: string | null;
  is_default: number;
}

/** The accounts' organisation links with the names, default link first. */
export async function readReviewLinks(db: Executor, accountIds: readonly number[]): Promise<ReviewLinkRow[]> {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('portal_account_link as l')
    .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
    .leftJoin('person as p', 'p.id', 'l.person_id')
    .select(['l.account_id', 'l.organisation_id', 'o.name as organisation_name', 'l.person_id', 'p.first_name', 'p.last_name', 'l.is_default'])
    .where('l.account_id', 'in', [...accountIds])
    .orderBy('l.account_id')
    .orderBy('l.is_default', 'desc')
    .orderBy('o.name')
    .execute();
}

/** Which role groups each account is in. */
export async function readReviewGroupIds(db: Executor, accountIds: readonly number[]): Promise<{ account_id: number; role_group_id: number }[]> {
  if (accountIds.length === 0) return [];
  return db.selectFrom('portal_account_role_group').select(['account_id', 'role_group_id']).where('account_id', 'in', [...accountIds]).execute();
}

export async function readOrganisationName(db: Executor, id: number): Promise<string | undefined> {
  return (await db.selectFrom('organisation').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/**
 * How many tickets any of the scopes reaches: THE access function's SQL condition (one per
 * scope, OR-ed, so a ticket two links reach counts once), counted in SQL.
 */
export async function countTicketsInScopes(db: Executor, scopes: readonly TicketScope[]): Promise<number> {
  if (scopes.length === 0) return 0;
  const row = await db
    .selectFrom('ticket')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or(scopes.map((scope) => ticketVisibleTo(scope)(eb))))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
