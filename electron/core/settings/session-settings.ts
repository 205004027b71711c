import { DEFAULT_SESSION_SETTINGS, SessionSettings, type sessionSettingsApi } from '../../../shared/api/session-settings';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import { actorOf, type Actor, type CoreDeps, type Handlers } from '../context';
import type { Executor } from '../db/connection';
import { readSettingJson, writeSetting } from './setting-repository';

/** Stored in the setting table under its own key; settings:get does not show it. */
export const SESSION_SETTINGS_KEY = 'sessionSettings';

/** The settings in force: the default until an administrator saves some; an unreadable stored value falls back to it. */
export async function readSessionSettings(db: Executor): Promise<SessionSettings> {
  return sessionSettingsFromJson(await readSettingJson(db, SESSION_SETTINGS_KEY));
}

export function sessionSettingsFromJson(json: string | null): SessionSettings {
  if (json === null) return DEFAULT_SESSION_SETTINGS;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return DEFAULT_SESSION_SETTINGS;
  }
  const parsed = SessionSettings.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_SESSION_SETTINGS;
}

export async function updateSessionSettings(deps: CoreDeps, actor: Actor, next: SessionSettings): Promise<SessionSettings> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await readSessionSettings(trx);
    await writeSetting(trx, SESSION_SETTINGS_KEY, next);
    const diff = changedFields(before, next);
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(trx, { at: now, staffId: actor.id, entity: 'settings', entityId: null, action: 'updated', ...diff });
    }
  });
  return readSessionSettings(deps.db);
}

export const sessionSettingsHandlers: Handlers<keyof typeof sessionSettingsApi> = {
  'session-settings:get': (_input, { deps }) => readSessionSettings(deps.db),
  'session-settings:update': (input, ctx) => updateSessionSettings(ctx.deps, actorOf(ctx), input),
};
