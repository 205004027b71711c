import type { Executor } from '../db/connection';

/** A staff user's stored preference (JSON text), or undefined while they have not chosen. */
export async function findPreference(db: Executor, staffId: number, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('staff_preference').select('value_json').where('staff_id', '=', staffId).where('key', '=', key).executeTakeFirst();
  return row?.value_json;
}

/** Stores (or replaces) a staff user's preference. */
export async function writePreference(db: Executor, staffId: number, key: string, value_json: string): Promise<void> {
  await db
    .insertInto('staff_preference')
    .values({ staff_id: staffId, key, value_json })
    .onConflict((oc) => oc.columns(['staff_id', 'key']).doUpdateSet({ value_json }))
    .execute();
}
