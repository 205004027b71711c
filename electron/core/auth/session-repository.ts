import type { Selectable } from 'kysely';
import type { Executor } from '../db/connection';
import type { StaffTable } from '../db/schema';
import { SESSION_SETTINGS_KEY } from '../settings/session-settings';

/**
 * The signed-in staff user with the stored session settings, in ONE query: it runs before
 * every call, so it must cost no more than reading the staff row did.
 */
export function findSessionStaff(db: Executor, id: number): Promise<(Selectable<StaffTable> & { session_settings_json: string | null }) | undefined> {
  return db
    .selectFrom('staff')
    .selectAll('staff')
    .select((eb) => eb.selectFrom('setting').select('value_json').where('key', '=', SESSION_SETTINGS_KEY).as('session_settings_json'))
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The active administrator with the lowest id: whom the command line acts as when not told otherwise. */
export function findFirstActiveAdministrator(db: Executor): Promise<Selectable<StaffTable> | undefined> {
  return db.selectFrom('staff').selectAll().where('role', '=', 'administrator').where('active', '=', 1).orderBy('id').limit(1).executeTakeFirst();
}
