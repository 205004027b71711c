import { sql } from 'kysely';
import type { Db } from './connection';

/**
 * For filling a NEW database in one go (seed-demo): WAL with synchronous NORMAL syncs at
 * checkpoints instead of at every commit. A power cut may lose the last commits but never
 * corrupts the file, and a half-filled demo is simply made again; nothing in it precedes an
 * outside effect (no mail is sent). Applies to this connection only, until it closes.
 */
export async function syncAtCheckpointsOnly(db: Db): Promise<void> {
  await sql`PRAGMA synchronous = NORMAL`.execute(db);
}
