import { CompiledQuery, PostgresDialect, type DatabaseConnection, type Driver, type PostgresDialectConfig, type QueryCompiler, type QueryResult, type TransactionSettings } from 'kysely';
import type { DatabaseChanges } from './postgres-changes';
import { SCHEMA_VERSION_TABLE } from './postgres';
import { currentTurn } from './postgres-serializable';

/*
 * Kysely's PostgreSQL driver, announcing every committed write (postgres-changes.ts): a
 * transaction that wrote sends its notice as its last statement, so PostgreSQL delivers it on
 * commit and never for a rollback; a write outside a transaction (committed by itself) sends
 * it right after. "Wrote" is what the server answers: INSERT, UPDATE, DELETE or MERGE that
 * touched a row, whether built by Kysely, compiled once or written as raw SQL. (A data-changing
 * CTE under a SELECT answers as a SELECT and is not seen; Portier's SQL has none.)
 */

/** The turn of Portier's transactions (postgres-serializable.ts) is a lock on the schema version table, which every migrated database has. */
const turnLock = (turn: 'beside' | 'alone') => CompiledQuery.raw(`LOCK TABLE ${SCHEMA_VERSION_TABLE} IN ${turn === 'alone' ? 'EXCLUSIVE' : 'ROW EXCLUSIVE'} MODE`);

/** A pooled connection with what the announcements need to know of it. */
class WatchedConnection implements DatabaseConnection {
  inTransaction = false;
  wrote = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly changes: DatabaseChanges,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.inner.executeQuery<R>(query);
    if ((result.numAffectedRows ?? 0n) > 0n) {
      if (this.inTransaction) this.wrote = true;
      else await this.announceCommitted();
    }
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }

  /** The write is committed already: failing to announce it must not make it look failed (others' caches still expire). */
  private async announceCommitted(): Promise<void> {
    this.changes.changed();
    await this.inner.executeQuery(this.changes.noticeQuery()).catch(() => undefined);
  }
}

function watched(connection: DatabaseConnection): WatchedConnection {
  if (!(connection instanceof WatchedConnection)) throw new Error('A connection this driver did not hand out.');
  return connection;
}

class ChangeAnnouncingDriver implements Driver {
  readonly #connections = new WeakMap<DatabaseConnection, WatchedConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly changes: DatabaseChanges,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let watchedConnection = this.#connections.get(connection);
    if (!watchedConnection) {
      watchedConnection = new WatchedConnection(connection, this.changes);
      this.#connections.set(connection, watchedConnection);
    }
    return watchedConnection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = watched(connection);
    // Portier's own transactions (no settings of their own) take their turn: see postgres-serializable.ts.
    const turn = settings.isolationLevel === undefined && settings.accessMode === undefined ? currentTurn() : 'none';
    const lock = turn !== 'none' && (await this.turnTableExists(c)) ? turnLock(turn) : null;
    // SERIALIZABLE unless asked otherwise: see postgres-serializable.ts.
    await this.inner.beginTransaction(c.inner, { ...settings, isolationLevel: settings.isolationLevel ?? 'serializable' });
    c.inTransaction = true;
    c.wrote = false;
    if (lock) await c.inner.executeQuery(lock);
  }

  #turnTable = false;

  /**
   * Before the first migration (which makes the schema version table) there is no other Portier
   * process to take turns with. Asked before BEGIN: no read may set a transaction's snapshot
   * before its turn.
   */
  private async turnTableExists(c: WatchedConnection): Promise<boolean> {
    if (!this.#turnTable) {
      const { rows } = await c.inner.executeQuery<{ present: number }>(CompiledQuery.raw(`SELECT to_regclass('${SCHEMA_VERSION_TABLE}') IS NOT NULL AS present`));
      this.#turnTable = rows[0]?.present === 1; // booleans come as 1/0 (postgres.ts)
    }
    return this.#turnTable;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = watched(connection);
    const wrote = c.wrote;
    try {
      if (wrote) await c.inner.executeQuery(this.changes.noticeQuery());
      await this.inner.commitTransaction(c.inner);
    } finally {
      c.inTransaction = false;
      c.wrote = false;
      // After the commit, never before: a read that starts before it must not be kept under the new marker.
      if (wrote) this.changes.changed();
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = watched(connection);
    c.inTransaction = false;
    c.wrote = false;
    await this.inner.rollbackTransaction(c.inner);
  }

  // Savepoints: a write undone by ROLLBACK TO still counts as written (an announcement too many is harmless).
  async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.savepoint?.(watched(connection).inner, name, compileQuery);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.rollbackToSavepoint?.(watched(connection).inner, name, compileQuery);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.inner.releaseSavepoint?.(watched(connection).inner, name, compileQuery);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = watched(connection);
    c.inTransaction = false;
    c.wrote = false;
    await this.inner.releaseConnection(c.inner);
  }

  /** The database's destroy(): stop listening first, then close the pool. */
  async destroy(): Promise<void> {
    await this.changes.close();
    await this.inner.destroy();
  }
}

/** PostgresDialect whose driver announces every committed write on `changes`. */
export class ChangeAnnouncingPostgresDialect extends PostgresDialect {
  readonly #changes: DatabaseChanges;

  constructor(config: PostgresDialectConfig, changes: DatabaseChanges) {
    super(config);
    this.#changes = changes;
  }

  override createDriver(): Driver {
    return new ChangeAnnouncingDriver(super.createDriver(), this.#changes);
  }
}
