import { sql, type Kysely } from 'kysely';

/**
 * Rebuilds `table` with `id INTEGER PRIMARY KEY AUTOINCREMENT`, so an id once handed out is
 * never handed out again (without it SQLite gives a new row max(id)+1, i.e. the id of a
 * just-deleted last row). SQLite cannot ALTER a primary key, so: new table from the stored
 * CREATE statement (with whatever columns earlier migrations added), copy, drop, rename,
 * then the table's own indexes and triggers again, as they were stored.
 *
 * Needs foreign keys off (a migration with `rebuildsTables`): dropping the old table would
 * otherwise fire the ON DELETE actions of every table that references it.
 *
 * `highestUsed` names ids that existed before and are gone now (e.g. found in the audit
 * log): the sequence starts above them too.
 */
export async function rebuildWithAutoincrement(db: Kysely<unknown>, table: string, highestUsed = 0): Promise<void> {
  const { rows: objects } = await sql<{ type: string; name: string; sql: string | null }>`
    SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ${table} ORDER BY rowid`.execute(db);
  const create = objects.find((o) => o.type === 'table')?.sql;
  if (!create) throw new Error(`No table ${table} to rebuild`);
  const temporary = `${table}_autoincrement`;
  const head = new RegExp(`^CREATE TABLE\\s+("?)${table}\\1\\s*\\(`);
  const primaryKey = /\bid INTEGER PRIMARY KEY(?! AUTOINCREMENT)\b/;
  if (!head.test(create) || !primaryKey.test(create)) throw new Error(`Cannot rebuild ${table}: unexpected CREATE statement`);
  const rebuilt = create.replace(head, `CREATE TABLE "${temporary}" (`).replace(primaryKey, 'id INTEGER PRIMARY KEY AUTOINCREMENT');

  // hidden 0: stored columns; generated ones (2, 3) are computed again by the new table.
  const { rows: columns } = await sql<{ name: string }>`SELECT name FROM pragma_table_xinfo(${table}) WHERE hidden = 0`.execute(db);
  const list = sql.join(columns.map((c) => sql.ref(c.name)));

  await sql.raw(rebuilt).execute(db);
  await sql`INSERT INTO ${sql.table(temporary)} (${list}) SELECT ${list} FROM ${sql.table(table)} ORDER BY id`.execute(db);
  await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  await sql`ALTER TABLE ${sql.table(temporary)} RENAME TO ${sql.table(table)}`.execute(db);
  // Automatic indexes (UNIQUE columns) have no SQL and came back with the table.
  for (const o of objects) if ((o.type === 'index' || o.type === 'trigger') && o.sql) await sql.raw(o.sql).execute(db);

  const { rows } = await sql<{ max_id: number | null }>`SELECT max(id) AS max_id FROM ${sql.table(table)}`.execute(db);
  const start = Math.max(rows[0]?.max_id ?? 0, highestUsed);
  // The copy above already raised the sequence to max(id); only ids that are gone need more.
  await sql`DELETE FROM sqlite_sequence WHERE name IN (${table}, ${temporary})`.execute(db);
  await sql`INSERT INTO sqlite_sequence (name, seq) VALUES (${table}, ${start})`.execute(db);
}
