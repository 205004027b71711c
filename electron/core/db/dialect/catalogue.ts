import type { Kysely, Transaction } from 'kysely';

/** A Kysely instance or a transaction on one, of no particular schema: copy-to reads the schema from the database. */
export type AnyDb = Kysely<unknown> | Transaction<unknown>;

/** One column as the database's catalogue describes it. */
export interface ColumnShape {
  name: string;
  /** Computed by the database (GENERATED ALWAYS AS): read and compared, never inserted. */
  generated: boolean;
  /** Whether the column holds text: keys of text are ordered byte by byte on both databases. */
  text: boolean;
}

/** A foreign key: `columns` of the table refer to `parentColumns` of `parent`. */
export interface ForeignKeyShape {
  parent: string;
  columns: string[];
  parentColumns: string[];
}

/** A table of Portier's schema, read from the database's own catalogue (so a new migration's table is in). */
export interface TableShape {
  name: string;
  /** Every column, in the table's order. */
  columns: ColumnShape[];
  /** The primary key's columns, in key order: rows are read and compared in this order. */
  key: string[];
  foreignKeys: ForeignKeyShape[];
}

/**
 * What copy-to needs from one database that SQLite and PostgreSQL spell differently: the tables
 * and their shape, reading rows in key order, the counters that keep ids from being handed out
 * twice, the triggers to hold back while rows are copied as they are, and what SQLite keeps
 * beside the tables (its full-text index).
 */
export interface CopyCatalogue {
  /** Portier's tables: not the schema version's, nor the database's own or derived ones (an FTS index). */
  tables(db: AnyDb): Promise<TableShape[]>;
  /**
   * Calls `read` with a connection that sees one snapshot of the database for as long as it
   * runs, without taking a write lock (a back office may go on working meanwhile).
   */
  inSnapshot<T>(db: Kysely<unknown>, read: (db: AnyDb) => Promise<T>): Promise<T>;
  /** The rows of `table` in key order (text byte by byte), `batch` at a time. */
  readRows(db: AnyDb, table: TableShape, columns: readonly string[], batch: number): AsyncGenerator<Record<string, unknown>[]>;
  /** The INSERT's words between the column list and VALUES (PostgreSQL: keep the ids as given). */
  insertClause(table: TableShape): string;
  /** Per table, the highest id ever handed out, where the database keeps such a counter. */
  idCounters(db: AnyDb): Promise<Map<string, number>>;
  /** Makes sure no id up to `counters` (nor any copied id) is handed out again. */
  raiseIdCounters(db: AnyDb, tables: readonly TableShape[], counters: ReadonlyMap<string, number>): Promise<void>;
  /** Switches the triggers off until the returned function switches them back on (in the same transaction). */
  suspendTriggers(db: AnyDb): Promise<() => Promise<void>>;
  /** Refills what the database derives from the copied rows outside the tables (SQLite's full-text index). */
  rebuildDerived(db: AnyDb): Promise<void>;
  /** The number of parameters one statement may bind, with room to spare. */
  readonly maxParameters: number;
}
