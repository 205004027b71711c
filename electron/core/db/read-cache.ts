import type { Clock } from '../clock';
import type { Db } from './connection';
import { dialectOf } from './dialect/of-database';

/*
 * Answers that may be given again while the database has not changed: the portal's every page
 * resolves the same session, links and rights and a customer's list many times between two
 * changes. A cached answer is keyed by the database's change marker, so any write, by this
 * process or another on the same file, makes every entry stale at once; and it is never older
 * than MAX_AGE_MS, so rules that depend on the time (idle sessions, expiries) are re-read.
 * Only for reads through the core's connection outside a transaction (a transaction's reads
 * may see its own uncommitted writes): inside one the read is made as usual.
 */

const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  version: string;
  at: number;
  value: Promise<unknown>;
}

const cachesOf = new WeakMap<Db, Map<string, Entry>>();

/**
 * The answer of `read` for this key, read again only when the database changed or the answer is
 * MAX_AGE_MS old by the core's clock (so a test that moves the clock sees time pass).
 */
export async function readThrough<T>(deps: { db: Db; clock: Clock }, key: string, read: () => Promise<T>): Promise<T> {
  const { db } = deps;
  if (db.isTransaction) return read();
  let cache = cachesOf.get(db);
  if (!cache) {
    cache = new Map();
    cachesOf.set(db, cache);
  }
  const version = await dialectOf(db).changeMarker(db);
  const now = deps.clock().getTime();
  const known = cache.get(key);
  if (known && known.version === version && now - known.at < MAX_AGE_MS) return known.value as Promise<T>;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const value = read();
  cache.set(key, { version, at: now, value });
  // A failed read is not kept: the next call tries again.
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  return value;
}
