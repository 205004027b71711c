import type { RawBuilder, SqlBool } from 'kysely';

/**
 * The pieces of SQL that SQLite and PostgreSQL spell differently, for repositories to build
 * queries that run on either: `sqlFor(db)` (of-database.ts) gives the set of the database a
 * query runs on. Everything else Portier writes is SQL both understand.
 */
export interface SqlFragments {
  /**
   * Case-insensitive order of a text column, as people expect a list of names to be sorted and
   * as the indexes are made: COLLATE NOCASE on SQLite, lower(... COLLATE "C") on PostgreSQL;
   * both fold A-Z only and order bytewise, so both databases give one order (accents and
   * non-ASCII case are what the stored keys fold: sort by a key where they matter).
   */
  caseless(column: string): RawBuilder<string>;
  /**
   * After ASC/DESC in ORDER BY: nulls sort as the lowest value, as SQLite sorts them (first
   * ascending, last descending); PostgreSQL sorts them highest unless told (NULLS FIRST/LAST).
   * Only for columns that may be null: on a NOT NULL column it would keep PostgreSQL from
   * walking an index in order.
   */
  nullsLow(direction: 'asc' | 'desc'): RawBuilder<unknown>;
  /** `column` equals one of `values`, ignoring case as the caseless indexes do. */
  caselessIn(column: string, values: readonly string[]): RawBuilder<SqlBool>;
  /** `haystack` holds `needle` as plain characters (no wildcards): instr on SQLite, strpos on PostgreSQL. */
  includes(haystack: RawBuilder<unknown>, needle: string): RawBuilder<SqlBool>;
  /** A one-column subquery over the integers, for `x IN (...)`: one parameter however long the list. */
  integers(values: readonly number[]): RawBuilder<number>;
  /**
   * Ends the SELECT of rows a statement is about to claim (the outbox's due mails): FOR UPDATE
   * SKIP LOCKED on PostgreSQL, so processes claiming at once neither wait for each other nor
   * take the same row; nothing on SQLite, where one writer at a time holds the whole database.
   */
  skipLocked(): RawBuilder<unknown>;
  /** The same over texts. */
  texts(values: readonly string[]): RawBuilder<string>;
  /** `column IN (values)` for a list of ids, as one parameter. */
  idsIn(column: string, values: readonly number[]): RawBuilder<SqlBool>;
  /** The texts of a group joined by `separator` (an aggregate): group_concat / string_agg. */
  joined(expression: RawBuilder<unknown>, separator: string): RawBuilder<string>;
  /** A top-level field of a JSON object stored as text, as text (numbers as their digits). */
  jsonText(column: string, field: string): RawBuilder<string | null>;
  /**
   * `expression` or `fallback` where it is null, spelt as the expression indexes of the schema
   * are (ifnull on SQLite, coalesce on PostgreSQL), so the index answers.
   */
  ifNull(expression: RawBuilder<unknown>, fallback: RawBuilder<unknown>): RawBuilder<unknown>;
  /**
   * The elements of a JSON array (one text parameter) as rows with a column `value`, for
   * `SELECT value ->> 0, ... FROM <this>`: many rows in one statement. Cast what is not text.
   */
  jsonElements(json: string): RawBuilder<unknown>;
  /**
   * After a table in FROM: the index SQLite must use where its planner would pick a worse one
   * (INDEXED BY); nothing on PostgreSQL, whose planner keeps statistics.
   */
  indexedBy(index: string): RawBuilder<unknown>;
  /** An integer expression as text (for searching a number's digits). */
  integerText(expression: RawBuilder<unknown>): RawBuilder<string>;
  /**
   * The flag `column` is on (or off), spelt as the partial indexes on flags are written:
   * `column = 1` / `= 0` on SQLite, whose planner uses a partial index only when the query holds
   * its WHERE letter for letter (`= TRUE` would not do); the boolean itself on PostgreSQL
   * (migration 0033), where `= 0` is an error. Elsewhere TRUE and FALSE serve both databases.
   */
  flag(column: string, on: boolean): RawBuilder<SqlBool>;
  /**
   * An ISO time given as text where the database cannot tell it is one (a SELECT's output
   * column, a field of a JSON parameter), for a time column: the text itself on SQLite, which
   * keeps times as text; CAST AS timestamptz on PostgreSQL (migration 0033), which does not
   * turn text into a time by itself.
   */
  instant(text: RawBuilder<unknown>): RawBuilder<string>;
}
