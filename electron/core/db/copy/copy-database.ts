import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect/of-database';
import { postgresCatalogue } from '../dialect/postgres-catalogue';
import { sqliteCatalogue } from '../dialect/sqlite-catalogue';
import type { AnyDb, CopyCatalogue, TableShape } from '../dialect/catalogue';
import { freshRowCounts, rowCounts } from './fresh-database';
import { insertionOrder, parentsFirst, selfReferences } from './insertion-order';
import { TableChecksum } from './row-checksum';

/** One side of a copy: a database and how to read its catalogue. */
/**
 * Tables whose rows do not travel as rows: the office's keys (migration 0030) go apart, through
 * carry-keys.ts, which makes a desk's key files the office's and back (copy-to's last step).
 */
const NOT_COPIED_AS_ROWS: ReadonlySet<string> = new Set(['office_key']);

export interface CopyEnd {
  db: Kysely<unknown>;
  catalogue: CopyCatalogue;
}

/** The side of a copy for a Kysely instance on either database. */
export function copyEndOf(db: Kysely<unknown>): CopyEnd {
  return { db, catalogue: dialectOf(db).name === 'postgres' ? postgresCatalogue : sqliteCatalogue };
}

/** One table's rows and checksum on both sides. */
export interface TableComparison {
  table: string;
  source: { rows: number; checksum: string };
  target: { rows: number; checksum: string };
  matches: boolean;
}

/** Rows copied so far of one table, and how many it has. */
export type CopyProgress = (table: string, copied: number, total: number) => void;

/** The target is not one copy-to may fill (it has rows, or another schema): nothing was changed. */
export class CopyRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefused';
  }
}

/** The rows read back from the target differ from the source's: the copy was rolled back. */
export class CopyMismatch extends Error {
  constructor(readonly tables: TableComparison[]) {
    const differ = tables.filter((t) => !t.matches).map((t) => t.table);
    super(`The copy differs from the source in ${differ.join(', ')}; it was rolled back, the target is as empty as before.`);
    this.name = 'CopyMismatch';
  }
}

export interface CopyOptions {
  onProgress?: CopyProgress;
  /** Rows per read and (at most) per INSERT. */
  batchRows?: number;
}

const columnList = (table: TableShape) => table.columns.map((c) => `${c.name}${c.generated ? ' (generated)' : ''}`).sort().join(', ');

/** The source's tables must be the target's, column for column: copy-to moves data, never schema. */
function assertSameSchema(source: readonly TableShape[], target: readonly TableShape[]): void {
  const targetByName = new Map(target.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const table of source) {
    const twin = targetByName.get(table.name);
    if (!twin) problems.push(`${table.name} is missing on the target`);
    else if (columnList(twin) !== columnList(table)) problems.push(`${table.name} has other columns (${columnList(table)} / ${columnList(twin)})`);
  }
  const sourceNames = new Set(source.map((t) => t.name));
  for (const table of target) if (!sourceNames.has(table.name)) problems.push(`${table.name} is not in the source`);
  if (problems.length > 0) throw new CopyRefused(`The two databases do not have the same tables: ${problems.join('; ')}. Nothing was changed.`);
}

/** Refuses a target with rows beyond those every new database has. */
async function assertEmpty(db: AnyDb, tables: readonly TableShape[]): Promise<void> {
  const fresh = await freshRowCounts();
  const counts = await rowCounts(db, tables);
  const used = [...counts].filter(([name, n]) => n > 0 && n !== fresh.get(name));
  if (used.length > 0) {
    const named = used.slice(0, 4).map(([name, n]) => `${name} (${n.toLocaleString('en-US')} rows)`);
    const what = used.length > named.length ? `${named.join(', ')} and ${used.length - named.length} more tables` : named.join(', ');
    throw new CopyRefused(`The target database is not empty: ${what}. copy-to only fills an empty database; nothing was changed.`);
  }
}

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function insertRows(db: AnyDb, table: TableShape, clause: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): Promise<void> {
  const values = rows.map((row) => sql`(${sql.join(columns.map((c) => row[c] ?? null))})`);
  await sql`INSERT INTO ${sql.id(table.name)} (${sql.join(columns.map((c) => sql.id(c)))}) ${sql.raw(clause)} VALUES ${sql.join(values)}`.execute(db);
}

/**
 * Reads one table of the source in key order and writes its rows to the target, in INSERTs of
 * `batchRows` rows at most (fewer where the columns would pass the database's parameter limit);
 * a table that refers to itself is held in memory and written parents first. Resolves to the
 * count and checksum of what was read, over every column, the generated ones too.
 */
async function copyTable(source: CopyCatalogue, from: AnyDb, target: CopyCatalogue, to: AnyDb, table: TableShape, total: number, options: Required<CopyOptions>) {
  const all = table.columns.map((c) => c.name);
  const stored = table.columns.filter((c) => !c.generated).map((c) => c.name);
  const perInsert = Math.max(1, Math.min(options.batchRows, Math.floor(target.maxParameters / Math.max(1, stored.length))));
  const checksum = new TableChecksum(all);
  const references = selfReferences(table);
  const held: Record<string, unknown>[] = [];
  let copied = 0;
  const write = async (rows: readonly Record<string, unknown>[]) => {
    for (const chunk of chunks(rows, perInsert)) {
      await insertRows(to, table, target.insertClause(table), stored, chunk);
      copied += chunk.length;
      options.onProgress(table.name, copied, total);
    }
  };
  for await (const rows of source.readRows(from, table, all, options.batchRows)) {
    checksum.add(rows);
    if (references.length > 0) held.push(...rows);
    else await write(rows);
  }
  if (references.length > 0) await write(parentsFirst(table.name, held, references));
  return checksum.result();
}

/** The count and checksum of a table as it is now. */
async function checksumOf(catalogue: CopyCatalogue, db: AnyDb, table: TableShape, batchRows: number) {
  const checksum = new TableChecksum(table.columns.map((c) => c.name));
  for await (const rows of catalogue.readRows(db, table, checksum.columns, batchRows)) checksum.add(rows);
  return checksum.result();
}

/**
 * Copies every row of every table of the source into the empty target, with their ids, and
 * proves it: each table is read back from the target and compared with what was read from the
 * source, by count and checksum. The source is read in one snapshot; the target is written in
 * one transaction with its triggers held back (the rows are copied as they are, derived ones
 * like the account tallies too), so a refusal, a failure or a difference leaves it as it was.
 * Afterwards the target hands out no id the source had used, and what it derives outside its
 * tables (SQLite's search index) is rebuilt.
 */
export async function copyDatabase(source: CopyEnd, target: CopyEnd, options: CopyOptions = {}): Promise<TableComparison[]> {
  const settings: Required<CopyOptions> = { onProgress: options.onProgress ?? (() => undefined), batchRows: options.batchRows ?? 1_000 };
  const targetTables = await target.catalogue.tables(target.db);
  return source.catalogue.inSnapshot(source.db, async (from) => {
    const sourceTables = await source.catalogue.tables(from);
    assertSameSchema(sourceTables, targetTables);
    const order = insertionOrder(sourceTables).filter((table) => !NOT_COPIED_AS_ROWS.has(table.name));
    const counters = await source.catalogue.idCounters(from);
    const totals = await rowCounts(from, order);
    return target.db.transaction().execute(async (to) => {
      await assertEmpty(to, order);
      const resumeTriggers = await target.catalogue.suspendTriggers(to);
      // What the migrations put in (built-in role groups, tallies) makes way for the source's own rows.
      for (const table of [...order].reverse()) await sql`DELETE FROM ${sql.id(table.name)}`.execute(to);
      const read = new Map<string, { rows: number; checksum: string }>();
      for (const table of order) read.set(table.name, await copyTable(source.catalogue, from, target.catalogue, to, table, totals.get(table.name) ?? 0, settings));
      await resumeTriggers();
      await target.catalogue.rebuildDerived(to);
      await target.catalogue.raiseIdCounters(to, order, counters);
      const tables: TableComparison[] = [];
      for (const table of order) {
        const written = await checksumOf(target.catalogue, to, table, settings.batchRows);
        const original = read.get(table.name) as { rows: number; checksum: string };
        tables.push({ table: table.name, source: original, target: written, matches: original.rows === written.rows && original.checksum === written.checksum });
      }
      if (tables.some((t) => !t.matches)) throw new CopyMismatch(tables);
      return tables.sort((a, b) => a.table.localeCompare(b.table, 'en'));
    });
  });
}
