import { sql } from 'kysely';
import type { Executor } from '../db/connection';

export interface SignInFailureRow {
  failures: number;
  locked_until: string | null;
}

export function findSignInFailure(db: Executor, key: string): Promise<SignInFailureRow | undefined> {
  return db.selectFrom('sign_in_failure').select(['failures', 'locked_until']).where('email_key', '=', key).executeTakeFirst();
}

/**
 * Adds one failure in SQL (failures = failures + 1) unless the key is locked at `now`, so two
 * requests can never both write "old + 1" nor both slip past a lock (on PostgreSQL the row
 * lock makes the second wait and re-check). Returns the new count, or undefined when locked.
 */
export async function incrementSignInFailure(db: Executor, key: string, now: string): Promise<number | undefined> {
  const row = await db
    .insertInto('sign_in_failure')
    .values({ email_key: key, failures: 1, locked_until: null, last_failure_at: now })
    .onConflict((oc) =>
      oc
        .column('email_key')
        .doUpdateSet({ failures: sql<number>`sign_in_failure.failures + 1`, last_failure_at: now })
        .where((eb) => eb.or([eb('sign_in_failure.locked_until', 'is', null), eb('sign_in_failure.locked_until', '<=', now)])),
    )
    .returning('failures')
    .executeTakeFirst();
  return row?.failures;
}

export async function setSignInLock(db: Executor, key: string, lockedUntil: string | null): Promise<void> {
  await db.updateTable('sign_in_failure').set({ locked_until: lockedUntil }).where('email_key', '=', key).execute();
}

export async function clearSignInFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failure').where('email_key', '=', key).execute();
}

/** Forgets counters whose last failure is older than `before` and whose lock (if any) has ended. */
export async function pruneSignInFailures(db: Executor, before: string, now: string): Promise<void> {
  await db
    .deleteFrom('sign_in_failure')
    .where('last_failure_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}
