import type { Executor } from '../db/connection';

/** Stores one setting as JSON under its key (the `setting` table is shared by every feature's settings). */
export async function writeSetting(db: Executor, key: string, value: unknown): Promise<void> {
  const value_json = JSON.stringify(value);
  await db
    .insertInto('setting')
    .values({ key, value_json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json }))
    .execute();
}
