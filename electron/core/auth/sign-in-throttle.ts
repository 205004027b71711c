import { AppError } from '../../../shared/errors';
import type { CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import {
  clearSignInFailures,
  findSignInFailure,
  incrementSignInFailure,
  pruneSignInFailures,
  setSignInLock,
} from './sign-in-failure-repository';

/** Failures allowed before the first lockout, and how the wait grows after it. */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 60 * 60;
/**
 * A counter quiet this long is forgotten, for every email alike (known or not, so the
 * counter never tells which emails exist); this also keeps guessed emails from piling up.
 */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

/** 30 s after the 5th failure, doubling with every further failure, at most an hour. */
export function lockSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_ATTEMPTS));
}

/** What the caller does after verifying the password: forget the counter on success; a failure is already counted. */
export interface SignInAttempt {
  succeeded(db?: Executor): Promise<void>;
}

/**
 * Call BEFORE checking the password: counts this attempt as a failure in SQL unless the
 * key is locked (then RATE_LIMITED), and sets the lock it earns, in one transaction.
 * Parallel guesses are thus throttled exactly like sequential ones: the slow hash runs
 * only after the attempt is on record. A correct password then
 * calls succeeded(), which clears the counter. Staff sign-in uses it; portal sign-in
 * is meant to, with its own key space (e.g. a prefix on the key).
 */
export async function beginSignInAttempt(deps: CoreDeps, key: string): Promise<SignInAttempt> {
  const now = deps.clock();
  const nowIso = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await pruneSignInFailures(trx, new Date(now.getTime() - FAILURE_MEMORY_MS).toISOString(), nowIso);
    const failures = await incrementSignInFailure(trx, key, nowIso);
    if (failures === undefined) {
      const current = await findSignInFailure(trx, key);
      const until = current?.locked_until ? new Date(current.locked_until).getTime() : now.getTime();
      const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
      throw new AppError('RATE_LIMITED', `Too many failed attempts. Try again in ${seconds} seconds.`, { params: { seconds } });
    }
    const wait = lockSeconds(failures);
    await setSignInLock(trx, key, wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null);
  });
  return { succeeded: (db = deps.db) => clearSignInFailures(db, key) };
}
