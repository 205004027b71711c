import type { Executor } from '../db/connection';

/** One stored key: its name and its material (office-key-material.ts). */
export interface StoredOfficeKey {
  name: string;
  material: string;
}

/** The office's stored keys by name. */
export async function readOfficeKeyMaterial(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('office_key').select(['name', 'material']).execute();
  return new Map(rows.map((r) => [r.name, r.material]));
}

/**
 * Stores each key that has no row yet. A key another process stored first stays as it is
 * (ON CONFLICT DO NOTHING waits for that process's commit, then does nothing): reading the
 * keys back afterwards, every process ends up with the same ones.
 */
export async function insertMissingOfficeKeys(db: Executor, keys: readonly StoredOfficeKey[], at: string): Promise<void> {
  await db
    .insertInto('office_key')
    .values(keys.map((k) => ({ name: k.name, material: k.material, created_at: at })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/** Puts `keys` in place of whatever keys are stored (a desk's keys carried in, keys sealed anew). */
export async function replaceOfficeKeys(trx: Executor, keys: readonly StoredOfficeKey[], at: string): Promise<void> {
  await trx.deleteFrom('office_key').execute();
  if (keys.length > 0) await trx.insertInto('office_key').values(keys.map((k) => ({ name: k.name, material: k.material, created_at: at }))).execute();
}

/** Seals (or otherwise rewrites) one stored key's material in place; its creation time stays. */
export async function updateOfficeKeyMaterial(trx: Executor, name: string, material: string): Promise<void> {
  await trx.updateTable('office_key').set({ material }).where('name', '=', name).execute();
}
