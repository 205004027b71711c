import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import type { Executor } from './connection';
import type { DatabaseDialect } from './dialect';
import { dialectOf } from './dialect/of-database';

/** Stands for the n-th argument while the query is compiled; never a value a caller passes. */
const slotMark = (n: number) => `\u0000portier-argument-${n}\u0000`;

/**
 * A query that runs thousands of times in one action (a bulk activation) with only its
 * values changing. Kysely builds and compiles it once, from the typed builder, with marks
 * in place of the arguments; each run binds the real arguments where the marks were.
 * Building a query with joins costs Kysely far more than SQLite needs to run it.
 *
 * Arguments must be plain values bound as parameters (no arrays, no values that change the
 * SQL's shape; one may be bound in several places); an argument that does not come back
 * as a parameter is refused. It is compiled once per dialect: one process may hold a SQLite
 * and a PostgreSQL database at once (copy-to, tests), and their SQL differs ($1 against ?).
 */
export function compiledOnce<A extends readonly (string | number | null)[], R>(
  build: (db: Executor, ...args: A) => Compilable<R>,
): (db: Executor, ...args: A) => Promise<QueryResult<R>> {
  const compiledFor = new Map<DatabaseDialect, { sql: string; slots: ({ arg: number } | { value: unknown })[] }>();
  return async (db, ...args) => {
    const dialect = dialectOf(db);
    let compiled = compiledFor.get(dialect);
    if (!compiled) {
      const marks = args.map((_, i) => slotMark(i));
      const query = build(db, ...(marks as unknown as A)).compile();
      const slots = query.parameters.map((p) => (typeof p === 'string' && marks.includes(p) ? { arg: marks.indexOf(p) } : { value: p }));
      marks.forEach((mark, i) => {
        if (!query.parameters.includes(mark)) throw new Error(`compiledOnce: argument ${i} is not bound as a parameter`);
      });
      compiled = { sql: query.sql, slots };
      compiledFor.set(dialect, compiled);
    }
    const parameters = compiled.slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.value));
    return db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
  };
}
