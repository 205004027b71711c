import type { ControlledTransaction } from 'kysely';
import type { Db } from './connection';
import { asTransactionOf, isSerializationFailure } from './dialect/postgres-serializable';
import type { Database } from './schema';

/** A transaction that can set savepoints through Kysely's API (see inTransactionWithSavepoints). */
export type SavepointTransaction = ControlledTransaction<Database>;

/**
 * Runs `work` in one transaction whose savepoints go through Kysely's API (its controlled
 * transaction), committed when `work` returns and rolled back when it throws. On PostgreSQL it
 * is begun in its turn and run again after a serialization failure, like db.transaction()
 * (postgres-serializable.ts); on SQLite it takes the one connection, like db.transaction().
 */
export function inTransactionWithSavepoints<T>(db: Db, work: (trx: SavepointTransaction) => Promise<T>): Promise<T> {
  return asTransactionOf(db, async () => {
    const trx = await db.startTransaction().execute();
    try {
      const result = await work(trx);
      await trx.commit().execute();
      return result;
    } catch (error) {
      // A failed COMMIT leaves the transaction to roll back (and the connection to hand back).
      if (!trx.isRolledBack && !trx.isCommitted) await trx.rollback().execute();
      throw error;
    }
  });
}

/** What work in a savepoint came to: its value, or the error it threw once its writes were undone. */
export type SavepointOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `work` in the savepoint `name` of `trx`: its writes stay if it returns and are rolled
 * back if it throws, and the rest of the transaction goes on either way. Two failures are the
 * whole transaction's and are thrown, not returned: a serialization failure (the transaction is
 * run again from the start), and a savepoint that cannot be rolled back to (SQLite rolls the
 * whole transaction back by itself on a full disk; its error is the one that says why).
 */
export async function inSavepoint<T>(trx: SavepointTransaction, name: string, work: () => Promise<T>): Promise<SavepointOutcome<T>> {
  const saved = await trx.savepoint(name).execute();
  let value: T;
  try {
    value = await work();
  } catch (error) {
    if (isSerializationFailure(error)) throw error;
    await saved.rollbackToSavepoint(name).execute().catch(() => {
      throw error;
    });
    await saved.releaseSavepoint(name).execute();
    return { ok: false, error };
  }
  await saved.releaseSavepoint(name).execute();
  return { ok: true, value };
}
