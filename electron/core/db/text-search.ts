import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { sqlFor, type OnDatabase } from './dialect/of-database';
import { searchKey } from '../../../shared/text-key';

/** LIKE patterns are built from user text: its wildcards must match themselves. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A stored key column (shared/text-key.ts) contains the key of `search`: case and accents
 * folded for all of Unicode. instr/strpos, not LIKE: the user's % and _ are plain characters.
 */
export function containsKey(db: OnDatabase, keyColumn: string, search: string): RawBuilder<SqlBool> {
  return sqlFor(db).includes(sql.ref(keyColumn), searchKey(search));
}

/** Sort key for text columns: case-insensitive, as people expect a list of names to be sorted. */
export function textOrder(db: OnDatabase, column: string): RawBuilder<string> {
  return sqlFor(db).caseless(column);
}

/**
 * A list's ORDER BY item for a text column that may be empty: case-insensitive, and empty
 * values (null) first ascending, last descending, on either database.
 */
export function textSort(db: OnDatabase, column: string, direction: 'asc' | 'desc'): RawBuilder<unknown> {
  const fragments = sqlFor(db);
  return sql`${fragments.caseless(column)} ${sql.raw(direction === 'desc' ? 'DESC' : 'ASC')} ${fragments.nullsLow(direction)}`;
}

/**
 * The same for a time column: in time order, empty values placed as textSort places them. Not
 * textSort: a time is timestamptz on PostgreSQL (migration 0033), which has no lower() of one.
 */
export function instantSort(db: OnDatabase, column: string, direction: 'asc' | 'desc'): RawBuilder<unknown> {
  return sql`${sql.ref(column)} ${sql.raw(direction === 'desc' ? 'DESC' : 'ASC')} ${sqlFor(db).nullsLow(direction)}`;
}
