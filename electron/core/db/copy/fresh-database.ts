import { sql, type Kysely } from 'kysely';
import { kyselyFor, openSqlite } from '../connection';
import { migrate, type Migration } from '../migration';
import { MIGRATIONS } from '../migrations';
import { sqliteCatalogue } from '../dialect/sqlite-catalogue';
import type { AnyDb, TableShape } from '../dialect/catalogue';

/** The number of rows of each table. */
export async function rowCounts(db: AnyDb, tables: readonly TableShape[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.id(table.name)}`.execute(db);
    counts.set(table.name, Number(rows[0]?.n ?? 0));
  }
  return counts;
}

/**
 * The rows a database holds that nobody has used yet: what the migrations put in themselves (the
 * built-in role groups and their permissions, the account tallies at zero), counted on a new
 * database in memory, so a migration that adds such rows needs no list kept by hand here.
 */
export async function freshRowCounts(migrations: readonly Migration[] = MIGRATIONS): Promise<Map<string, number>> {
  const db = kyselyFor(openSqlite(':memory:')) as unknown as Kysely<unknown>;
  try {
    await migrate(db, migrations);
    return await rowCounts(db, await sqliteCatalogue.tables(db));
  } finally {
    await db.destroy();
  }
}
