import { sql } from 'kysely';
import type { AccountStatus, QuickFilter } from '../../../shared/api/portal-accounts';
import type { Executor } from '../db/connection';
import type { AccountListQuery } from './account-list-repository';
import { sqlFor } from '../db/dialect/of-database';

/*
 * The total of the account list without counting rows, for the broad filters (a status
 * or a quick filter alone): portal_account_tally (migration 0006) holds the accounts per
 * access stage and active flag; what depends on the clock is counted from index ranges:
 * accounts locked right now and deactivated invitations (few, partial indexes) and
 * invitations that have run out (an index range over stage and expiry).
 * Must agree with statusCondition() and quickFilterCondition() in account-status-repository.ts
 * (a property test checks it on random accounts and moments).
 */

/** The parts a total is made of, each read only when a total needs it. */
class Parts {
  private tallyGrid: Promise<number[][]> | undefined;
  private lockedRows: Promise<{ stage: number; n: number; expired: number }[]> | undefined;

  constructor(
    private readonly db: Executor,
    private readonly now: string,
  ) {}

  /** Accounts per stage and active flag, from the tallies the triggers keep. */
  async t(stage: number, active: number): Promise<number> {
    this.tallyGrid ??= this.db
      .selectFrom('portal_account_tally')
      .select(['access_stage', 'active', 'n'])
      .execute()
      .then((rows) => {
        const grid = [
          [0, 0],
          [0, 0],
          [0, 0],
        ];
        for (const row of rows) {
          const stageRow = grid[row.access_stage];
          if (stageRow) stageRow[row.active] = row.n;
        }
        return grid;
      });
    return (await this.tallyGrid)[stage]?.[active] ?? 0;
  }

  async stage(stage: number): Promise<number> {
    return (await this.t(stage, 0)) + (await this.t(stage, 1));
  }

  private locked() {
    this.lockedRows ??= sql<{ stage: number; n: number; expired: number }>`
      SELECT a.access_stage AS stage, count(*) AS n, coalesce(sum(CASE WHEN a.activation_expires_at <= ${this.now} THEN 1 ELSE 0 END), 0) AS expired
      FROM portal_account a ${sqlFor(this.db).indexedBy('portal_account_locked')}
      WHERE a.locked_until > ${this.now} AND ${sqlFor(this.db).flag('a.active', true)} GROUP BY a.access_stage`
      .execute(this.db)
      .then((r) => r.rows);
    return this.lockedRows;
  }

  /** Active accounts locked right now, of one stage. */
  async l(stage: number): Promise<number> {
    return (await this.locked()).filter((r) => r.stage === stage).reduce((sum, r) => sum + r.n, 0);
  }

  /** All active accounts locked right now: one count over the partial index, without grouping. */
  async allLocked(): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*) AS n FROM portal_account a ${sqlFor(this.db).indexedBy('portal_account_locked')} WHERE a.locked_until > ${this.now} AND ${sqlFor(this.db).flag('a.active', true)}`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }

  /** Invitations (stage 1) that have run out at `now`, whatever the account's state. */
  async expiredAll(): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*) AS n FROM portal_account a WHERE a.access_stage = 1 AND a.activation_expires_at <= ${this.now}`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }

  /** Run-out invitations of accounts that are active and not locked: all of them minus the few switched off or locked. */
  async expiredOpen(): Promise<number> {
    const [all, inactive, locked] = await Promise.all([
      this.expiredAll(),
      sql<{ n: number }>`
        SELECT count(*) AS n FROM portal_account a ${sqlFor(this.db).indexedBy('portal_account_inactive')}
        WHERE ${sqlFor(this.db).flag('a.active', false)} AND a.access_stage = 1 AND a.activation_expires_at <= ${this.now}`.execute(this.db),
      this.locked(),
    ]);
    const lockedExpired = locked.filter((r) => r.stage === 1).reduce((total, r) => total + r.expired, 0);
    return all - Number(inactive.rows[0]?.n ?? 0) - lockedExpired;
  }
}

/** Parts read side by side (on PostgreSQL two pool connections answer at once), then summed with their signs. */
async function sum(...parts: [sign: 1 | -1, part: Promise<number>][]): Promise<number> {
  const values = await Promise.all(parts.map(([, part]) => part));
  return values.reduce((total, value, i) => total + (parts[i]?.[0] ?? 1) * value, 0);
}

function statusTotal(p: Parts, status: AccountStatus): Promise<number> {
  switch (status) {
    case 'deactivated':
      return sum([1, p.t(0, 0)], [1, p.t(1, 0)], [1, p.t(2, 0)]);
    case 'locked':
      return p.allLocked();
    case 'active':
      return sum([1, p.t(2, 1)], [-1, p.l(2)]);
    case 'no_access':
      return sum([1, p.t(0, 1)], [-1, p.l(0)]);
    case 'invitation_expired':
      return p.expiredOpen();
    case 'invited':
      return sum([1, p.t(1, 1)], [-1, p.l(1)], [-1, p.expiredOpen()]);
  }
}

async function quickTotal(p: Parts, filter: QuickFilter): Promise<number> {
  switch (filter) {
    case 'all':
      return (await p.stage(0)) + (await p.stage(1)) + (await p.stage(2));
    case 'never_invited':
      return p.stage(0);
    case 'invited':
      return (await p.stage(1)) - (await p.expiredAll());
    case 'invitation_expired':
      return p.expiredAll();
    case 'activated':
      return p.stage(2);
  }
}

/**
 * The total for a query filtered by at most a status or a quick filter (not both, no
 * search, organisation, person or group); null when the query needs a real count.
 */
export async function tallyTotal(db: Executor, q: AccountListQuery, now: string): Promise<number | null> {
  const narrowed = q.search !== '' || q.organisationId !== undefined || q.personId !== undefined || q.roleGroupId !== undefined;
  if (narrowed || (q.status !== undefined && q.filter !== 'all')) return null;
  const parts = new Parts(db, now);
  return q.status !== undefined ? statusTotal(parts, q.status) : quickTotal(parts, q.filter);
}
