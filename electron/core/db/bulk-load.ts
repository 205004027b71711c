import type { Db } from './connection';
import { dialectOf } from './dialect/of-database';

/**
 * For filling a NEW database in one go (seed-demo): WAL with synchronous NORMAL syncs at
 * checkpoints instead of at every commit. A power cut may lose the last commits but never
 * corrupts the file, and a half-filled demo is simply made again; nothing in it precedes an
 * outside effect (no mail is sent). Applies to this connection only, until it closes.
 * PostgreSQL keeps its settings: a pool of connections, and a server others use too.
 */
export async function syncAtCheckpointsOnly(db: Db): Promise<void> {
  await dialectOf(db).relaxDurabilityForBulkLoad(db);
}
