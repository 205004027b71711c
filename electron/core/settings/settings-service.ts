import { Settings } from '../../../shared/api/settings';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Executor } from '../db/connection';
import type { Actor, CoreDeps, Handlers } from '../context';
import type { settingsApi } from '../../../shared/api/settings';
import { actorOf } from '../context';
import { readAllSettings, writeSetting } from './setting-repository';

const DEFAULTS: Settings = { defaultLanguage: 'en' };

/** Settings with defaults for every key never saved; unreadable stored values fall back to the default. */
export async function readSettings(db: Executor): Promise<Settings> {
  return settingsAmong(await readAllSettings(db));
}

/** The settings among every stored setting (readAllSettings), for a caller that reads them all at once. */
export function settingsAmong(rows: readonly { key: string; value_json: string }[]): Settings {
  const stored: Record<string, unknown> = {};
  // Only the keys of Settings: other features keep their own values in this table too.
  for (const row of rows) if (row.key in Settings.shape) stored[row.key] = JSON.parse(row.value_json) as unknown;
  const parsed = Settings.partial().safeParse(stored);
  return { ...DEFAULTS, ...(parsed.success ? parsed.data : {}) };
}

export async function updateSettings(deps: CoreDeps, actor: Actor, next: Settings): Promise<Settings> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await readSettings(trx);
    for (const [key, value] of Object.entries(next)) await writeSetting(trx, key, value);
    const diff = changedFields(before, next);
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(trx, { at: now, staffId: actor.id, entity: 'settings', entityId: null, action: 'updated', ...diff });
    }
  });
  return readSettings(deps.db);
}

export const settingsHandlers: Handlers<keyof typeof settingsApi> = {
  'settings:get': (_input, { deps }) => readSettings(deps.db),
  'settings:update': (input, ctx) => updateSettings(ctx.deps, actorOf(ctx), input),
};
