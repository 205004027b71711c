import type { Executor } from '../db/connection';

// The `setting` table is shared by every feature's settings: one JSON value per key. Each
// feature's service parses its own value; this file is the only one that touches the table.

/** The stored JSON of one setting, or null when it was never saved. */
export async function readSettingJson(db: Executor, key: string): Promise<string | null> {
  const row = await db.selectFrom('setting').select('value_json').where('key', '=', key).executeTakeFirst();
  return row?.value_json ?? null;
}

/** Every stored setting, key and JSON. */
export async function readAllSettings(db: Executor): Promise<{ key: string; value_json: string }[]> {
  return db.selectFrom('setting').select(['key', 'value_json']).execute();
}

/** Stores one setting as JSON under its key. */
export async function writeSetting(db: Executor, key: string, value: unknown): Promise<void> {
  const value_json = JSON.stringify(value);
  await db
    .insertInto('setting')
    .values({ key, value_json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json }))
    .execute();
}

/** Removes a setting, so its default applies again; false when there was none. */
export async function deleteSetting(db: Executor, key: string): Promise<boolean> {
  const removed = await db.deleteFrom('setting').where('key', '=', key).executeTakeFirst();
  return Number(removed.numDeletedRows) > 0;
}
