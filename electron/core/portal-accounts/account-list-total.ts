import { sql } from 'kysely';
import type { AccountStatus, QuickFilter } from '../../../shared/api/portal-accounts';
import type { Executor } from '../db/connection';
import type { AccountListQuery } from './account-list-repository';

/*
 * The total of the account list without counting rows, for the broad filters (a status
 * or a quick filter alone): portal_account_tally (migration 0006) holds the accounts per
 * access stage and active flag; what depends on the clock is counted from two small
 * index ranges: accounts locked right now (few) and invitations that have run out.
 * Must agree with statusCondition() and quickFilterCondition() in account-list-sql.ts
 * (a property test checks it on random accounts and moments).
 */

interface Parts {
  /** tally[stage][active] */
  tally: number[][];
  /** Active accounts locked at `now`, by stage. */
  locked: number[];
  /** Stage-1 accounts whose invitation has run out at `now`: all, and those active and not locked. */
  expiredAll: number;
  expiredOpen: number;
}

async function readParts(db: Executor, now: string): Promise<Parts> {
  const [tally, locked, expired] = await Promise.all([
    db.selectFrom('portal_account_tally').select(['access_stage', 'active', 'n']).execute(),
    sql<{ stage: number; n: number }>`
      SELECT a.access_stage AS stage, count(*) AS n FROM portal_account a
      WHERE a.locked_until IS NOT NULL AND a.locked_until > ${now} AND a.active = 1 GROUP BY a.access_stage`.execute(db),
    sql<{ all_n: number; open_n: number }>`
      SELECT count(*) AS all_n,
             coalesce(sum(a.active = 1 AND (a.locked_until IS NULL OR a.locked_until <= ${now})), 0) AS open_n
      FROM portal_account a WHERE a.access_stage = 1 AND a.activation_expires_at <= ${now}`.execute(db),
  ]);
  const grid = [
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  for (const row of tally) {
    const stageRow = grid[row.access_stage];
    if (stageRow) stageRow[row.active] = row.n;
  }
  const lockedByStage = [0, 0, 0];
  for (const row of locked.rows) lockedByStage[row.stage] = row.n;
  return { tally: grid, locked: lockedByStage, expiredAll: Number(expired.rows[0]?.all_n ?? 0), expiredOpen: Number(expired.rows[0]?.open_n ?? 0) };
}

const t = (p: Parts, stage: number, active: number) => p.tally[stage]?.[active] ?? 0;
const l = (p: Parts, stage: number) => p.locked[stage] ?? 0;

function statusTotal(p: Parts, status: AccountStatus): number {
  switch (status) {
    case 'deactivated':
      return t(p, 0, 0) + t(p, 1, 0) + t(p, 2, 0);
    case 'locked':
      return l(p, 0) + l(p, 1) + l(p, 2);
    case 'active':
      return t(p, 2, 1) - l(p, 2);
    case 'no_access':
      return t(p, 0, 1) - l(p, 0);
    case 'invitation_expired':
      return p.expiredOpen;
    case 'invited':
      return t(p, 1, 1) - l(p, 1) - p.expiredOpen;
  }
}

function quickTotal(p: Parts, filter: QuickFilter): number {
  const stage = (s: number) => t(p, s, 0) + t(p, s, 1);
  switch (filter) {
    case 'all':
      return stage(0) + stage(1) + stage(2);
    case 'never_invited':
      return stage(0);
    case 'invited':
      return stage(1) - p.expiredAll;
    case 'invitation_expired':
      return p.expiredAll;
    case 'activated':
      return stage(2);
  }
}

/**
 * The total for a query filtered by at most a status or a quick filter (not both, no
 * search, organisation, person or group); null when the query needs a real count.
 */
export async function tallyTotal(db: Executor, q: AccountListQuery, now: string): Promise<number | null> {
  const narrowed = q.search !== '' || q.organisationId !== undefined || q.personId !== undefined || q.roleGroupId !== undefined;
  if (narrowed || (q.status !== undefined && q.filter !== 'all')) return null;
  const parts = await readParts(db, now);
  return q.status !== undefined ? statusTotal(parts, q.status) : quickTotal(parts, q.filter);
}
