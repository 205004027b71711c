import type { ContactLanguage } from '../../../shared/api/common';
import type { Executor } from '../db/connection';

export async function findPreferences(db: Executor, accountId: number) {
  return db.selectFrom('portal_account').select(['language', 'notify_status_changes']).where('id', '=', accountId).executeTakeFirst();
}

export async function writePreferences(db: Executor, accountId: number, values: { language: ContactLanguage; notifyStatusChanges: boolean }, at: string): Promise<void> {
  await db
    .updateTable('portal_account')
    .set({ language: values.language, notify_status_changes: values.notifyStatusChanges ? 1 : 0, updated_at: at })
    .where('id', '=', accountId)
    .execute();
}
