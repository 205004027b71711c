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
 * Adds one failure in SQL (failures = failures + 1), so two requests can never both
 * write "old + 1"; returns the new count.
 */
export async function incrementSignInFailure(db: Executor, key: string, at: string): Promise<number> {
  const row = await db
    .insertInto('sign_in_failure')
    .values({ email_key: key, failures: 1, locked_until: null, last_failure_at: at })
    .onConflict((oc) => oc.column('email_key').doUpdateSet({ failures: sql<number>`failures + 1`, last_failure_at: at }))
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
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
