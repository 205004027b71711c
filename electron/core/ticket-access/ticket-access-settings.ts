import { DEFAULT_TICKET_ACCESS_SETTINGS, TicketAccessSettings } from '../../../shared/api/ticket-rights';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { readSettingJson, writeSetting } from '../settings/setting-repository';

/** Stored in the setting table under its own key; both off until an administrator turns them on. */
export const TICKET_ACCESS_SETTINGS_KEY = 'ticketAccess';

/** The settings in force; an unreadable stored value counts as the (safer) default. */
export async function readTicketAccessSettings(db: Executor): Promise<TicketAccessSettings> {
  const json = await readSettingJson(db, TICKET_ACCESS_SETTINGS_KEY);
  if (json === null) return DEFAULT_TICKET_ACCESS_SETTINGS;
  try {
    const parsed = TicketAccessSettings.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : DEFAULT_TICKET_ACCESS_SETTINGS;
  } catch {
    return DEFAULT_TICKET_ACCESS_SETTINGS;
  }
}

export async function updateTicketAccessSettings(deps: CoreDeps, actor: Actor, next: TicketAccessSettings): Promise<TicketAccessSettings> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await readTicketAccessSettings(trx);
    await writeSetting(trx, TICKET_ACCESS_SETTINGS_KEY, next);
    const diff = changedFields(before, next);
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(trx, { at: now, staffId: actor.id, entity: 'settings', entityId: null, action: 'updated', ...diff });
    }
  });
  return readTicketAccessSettings(deps.db);
}
