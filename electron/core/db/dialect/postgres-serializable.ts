import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';

/*
 * On SQLite one writer at a time: a transaction that reads, decides and writes (is this ticket
 * still "done"? is this time entry still open?) never meets another's write in between. On
 * PostgreSQL writers run side by side, so Portier's transactions run SERIALIZABLE there: the
 * server refuses (40001) whichever of two overlapping transactions would have seen the other's
 * change, and the transaction is run again from the start, where it sees that change and
 * decides again as it would have on SQLite. A deadlock (40P01) is retried the same way.
 *
 * Retrying alone does not always get a transaction through: while other processes keep
 * writing, a long one (an activation chunk) is refused again and again in favour of the short
 * ones beside it (SSI's predicate locks are per index page, so two transactions that add rows
 * to one table and read them back already conflict; and the account tallies are one row per
 * stage). So a transaction refused twice waits its turn and runs alone, as on SQLite: every
 * Portier transaction begins by taking the turn lock (postgres-change-driver.ts), beside the
 * others in ROW EXCLUSIVE mode, alone in EXCLUSIVE mode, which waits for those running to end
 * and holds back those that begin after it. LOCK TABLE sets no snapshot (its first read does),
 * so the lone transaction sees everything committed before it.
 */

/** SQLSTATEs after which running the whole transaction again is safe and may succeed. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * How often a transaction is tried before the conflict is reported (CONFLICT: "try again").
 * Each round of rivals lets at least one through: 40 tickets created at the same moment (each
 * reading the highest number) all get theirs well within this.
 */
export const TRANSACTION_ATTEMPTS = 40;

/** From this attempt on a transaction runs alone. */
export const ALONE_FROM_ATTEMPT = 3;

/**
 * How the transaction being begun takes its turn: beside other transactions, alone, or not at
 * all (one begun inside another's callback: waiting for a turn there could wait for itself).
 */
export type Turn = 'beside' | 'alone' | 'none';

const turns = new AsyncLocalStorage<Turn>();

/** The turn of the transaction being begun in this async context (the driver asks at BEGIN). */
export function currentTurn(): Turn {
  return turns.getStore() ?? 'none';
}

/** The driver error says the transaction lost a serialization race (or a deadlock). */
export function isSerializationFailure(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE.has(code)) return true;
  }
  return false;
}

/** A random pause, growing with the attempts up to 100 ms, so the rivals spread out. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 2 ** attempt)));

/**
 * Runs `attempt` (one whole transaction: begin, work, commit) again after a serialization
 * failure, up to TRANSACTION_ATTEMPTS times, with a growing random pause so the rivals do not
 * meet again, and alone from ALONE_FROM_ATTEMPT on (the driver asks currentTurn() at BEGIN; one
 * begun inside another's callback takes no turn). `attempt` must not depend on effects outside
 * the database made by a failed try; Portier's transactions only read and write the database
 * (files are written after commit).
 */
async function inTurns<T>(attempt: () => Promise<T>): Promise<T> {
  const nested = turns.getStore() !== undefined;
  for (let n = 1; ; n++) {
    try {
      const turn: Turn = nested ? 'none' : n >= ALONE_FROM_ATTEMPT ? 'alone' : 'beside';
      return await turns.run(turn, attempt);
    } catch (error) {
      if (n >= TRANSACTION_ATTEMPTS || !isSerializationFailure(error)) throw error;
      await pause(n);
    }
  }
}

/** The databases whose transactions are retried (those retryingSerializationFailures made). */
const retrying = new WeakSet<object>();

/**
 * Makes db.transaction().execute(fn) run `fn` again (a new transaction) after a serialization
 * failure, taking its turn (see inTurns).
 */
export function retryingSerializationFailures<DB>(db: Kysely<DB>): Kysely<DB> {
  const transaction = db.transaction.bind(db);
  db.transaction = () => {
    const builder = transaction();
    const execute = builder.execute.bind(builder);
    builder.execute = <T>(fn: Parameters<typeof execute<T>>[0]): Promise<T> => inTurns(() => execute<T>(fn));
    return builder;
  };
  retrying.add(db);
  return db;
}

/**
 * Runs `attempt`, a whole transaction on `db` that the caller begins and ends itself (Kysely's
 * db.startTransaction(), for its savepoints), as db.transaction().execute runs its callback: on
 * PostgreSQL in its turn and again after a serialization failure; on SQLite once.
 */
export function asTransactionOf<T>(db: object, attempt: () => Promise<T>): Promise<T> {
  return retrying.has(db) ? inTurns(attempt) : attempt();
}
