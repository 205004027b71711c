import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { AccountStatus, QuickFilter } from '../../../shared/api/portal-accounts';
import { sqlFor, type OnDatabase } from '../db/dialect/of-database';

/*
 * SQL pieces of the account list. Timestamps are ISO 8601 UTC strings of one format,
 * so comparing them as text compares instants. access_stage is the generated column
 * of migration 0006: 0 never invited, 1 invited, 2 has access. `active` is a flag: 0/1 on
 * SQLite, boolean on PostgreSQL (migration 0033), so it is compared with TRUE and FALSE.
 */

const notLocked = (now: string) => sql<SqlBool>`(a.locked_until IS NULL OR a.locked_until <= ${now})`;
const stage = (n: 0 | 1 | 2) => sql<SqlBool>`a.access_stage = ${sql.lit(n)}`;
const expired = (now: string) => sql<SqlBool>`a.activation_expires_at <= ${now}`;
const notExpired = (now: string) => sql<SqlBool>`(a.activation_expires_at IS NULL OR a.activation_expires_at > ${now})`;

/** The status as SQL; the same rules as accountStatus() in account-status.ts. */
export function statusExpression(now: string): RawBuilder<AccountStatus> {
  return sql<AccountStatus>`CASE
    WHEN a.active = FALSE THEN 'deactivated'
    WHEN a.locked_until > ${now} THEN 'locked'
    WHEN a.access_stage = 2 THEN 'active'
    WHEN a.access_stage = 0 THEN 'no_access'
    WHEN a.activation_expires_at <= ${now} THEN 'invitation_expired'
    ELSE 'invited' END`;
}

/** The rank used when sorting by status: the order of ACCOUNT_STATUSES. */
export function statusRank(now: string): RawBuilder<number> {
  return sql<number>`CASE
    WHEN a.active = FALSE THEN 4
    WHEN a.locked_until > ${now} THEN 5
    WHEN a.access_stage = 2 THEN 3
    WHEN a.access_stage = 0 THEN 0
    WHEN a.activation_expires_at <= ${now} THEN 2
    ELSE 1 END`;
}

/**
 * Exactly the accounts whose status is `status`, written so an index can find them (the
 * deactivated ones: the partial index portal_account_inactive, whose WHERE sqlFor spells).
 */
export function statusCondition(db: OnDatabase, status: AccountStatus, now: string): RawBuilder<SqlBool> {
  const open = sql<SqlBool>`a.active = TRUE AND ${notLocked(now)}`;
  switch (status) {
    case 'deactivated':
      return sqlFor(db).flag('a.active', false);
    case 'locked':
      return sql<SqlBool>`a.active = TRUE AND a.locked_until > ${now}`;
    case 'active':
      return sql<SqlBool>`${stage(2)} AND ${open}`;
    case 'no_access':
      return sql<SqlBool>`${stage(0)} AND ${open}`;
    case 'invitation_expired':
      return sql<SqlBool>`${stage(1)} AND ${expired(now)} AND ${open}`;
    case 'invited':
      return sql<SqlBool>`${stage(1)} AND ${notExpired(now)} AND ${open}`;
  }
}

/**
 * Quick filters follow the activation's life only (never sent, open, ran out, done);
 * whether the account is deactivated or locked is the status filter's business.
 */
export function quickFilterCondition(filter: QuickFilter, now: string): RawBuilder<SqlBool> | null {
  switch (filter) {
    case 'all':
      return null;
    case 'never_invited':
      return stage(0);
    case 'invited':
      return sql<SqlBool>`${stage(1)} AND ${notExpired(now)}`;
    case 'invitation_expired':
      return sql<SqlBool>`${stage(1)} AND ${expired(now)}`;
    case 'activated':
      return stage(2);
  }
}
