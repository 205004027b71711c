import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Driver, type Transaction } from 'kysely';
import { MIGRATIONS } from './migrations';
import { migrate } from './migration';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another runtime (Electron's ABI). */
  nativeBinding?: string;
  readonly?: boolean;
}

/** Opens (creating if needed) a Portier SQLite database with the pragmas every connection needs. */
export function openSqlite(file: string, options: OpenOptions = {}): SQLite.Database {
  const sqlite = new SQLite(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
  });
  sqlite.pragma('foreign_keys = ON');
  // Several processes may write one file (the back office, the portal, the CLI): a writer waits
  // its turn this long. SQLite's waiting is not fair, so on a loaded machine a writer that meets
  // a busy neighbour can wait seconds; 5 s proved too short on CI (an import beside serve).
  sqlite.pragma('busy_timeout = 20000');
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL');
    // FULL: rows written before an outside effect (tokens, outbox) must survive a power cut.
    sqlite.pragma('synchronous = FULL');
  }
  return sqlite;
}

/**
 * Kysely opens its transactions with a plain (deferred) BEGIN. Another process on the database
 * (the back office beside a CLI import, the portal) may commit between such a transaction's
 * first read and its first write; SQLite then fails the write with SQLITE_BUSY at once, whatever
 * the busy_timeout, since the snapshot read is stale. Taking the write lock at BEGIN makes the
 * transaction wait its turn (busy_timeout) instead: a valid row is never lost to a busy database.
 */
const BEGIN_WRITE = 'begin immediate';

/** Prepared statements kept per SQL text: preparing costs more than running most of Portier's queries. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely sees it, with prepare() answered from a cache (least recently used
 * out first). Kysely runs one statement at a time on this connection and never keeps an
 * iterator open across calls, so reusing a statement is safe.
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (text: string): SQLite.Statement => {
    const source = text === 'begin' ? BEGIN_WRITE : text;
    const hit = cache.get(source);
    if (hit) {
      cache.delete(source);
      cache.set(source, hit);
      return hit;
    }
    const statement = sqlite.prepare(source);
    cache.set(source, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return statement;
  };
  return new Proxy(sqlite, { get: (target, key, receiver) => (key === 'prepare' ? prepare : (Reflect.get(target, key, receiver) as unknown)) });
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL: a full disk). Kysely's
 * ROLLBACK then fails with "no transaction is active", and that error would replace the one
 * that says what happened; so the driver rolls back only a transaction that is still open.
 */
class SqliteDialectKeepingErrors extends SqliteDialect {
  readonly #sqlite: SQLite.Database;

  constructor(sqlite: SQLite.Database) {
    super({ database: withStatementCache(sqlite) });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.#sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

export function kyselyFor(sqlite: SQLite.Database): Db {
  return new Kysely<Database>({ dialect: new SqliteDialectKeepingErrors(sqlite) });
}

/** Opens the database and applies pending migrations. */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<{ db: Db; sqlite: SQLite.Database }> {
  const sqlite = openSqlite(file, options);
  const db = kyselyFor(sqlite);
  try {
    await migrate(db as unknown as Kysely<unknown>, MIGRATIONS);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, sqlite };
}

/** Either the database or an open transaction on it; repositories accept both. */
export type Executor = Db | Transaction<Database>;
