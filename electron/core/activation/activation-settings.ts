import { ActivationSettings, DEFAULT_ACTIVATION_SETTINGS, type activationSettingsApi } from '../../../shared/api/activation-settings';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import { actorOf, type Actor, type CoreDeps, type Handlers } from '../context';
import type { Executor } from '../db/connection';
import { letterheadLogoHandlers, readLetterheadLogo } from './letterhead-logo';
import { writeSetting } from '../settings/setting-store';

const KEY = 'activation';

/** How long activation and set-password links live, and the portal address links are built from. */
export async function readActivationSettings(db: Executor): Promise<ActivationSettings> {
  const row = await db.selectFrom('setting').select('value_json').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_ACTIVATION_SETTINGS;
  const parsed = ActivationSettings.safeParse(JSON.parse(row.value_json));
  return parsed.success ? parsed.data : DEFAULT_ACTIVATION_SETTINGS;
}

async function updateActivationSettings(deps: CoreDeps, actor: Actor, next: ActivationSettings): Promise<ActivationSettings> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await readActivationSettings(trx);
    await writeSetting(trx, KEY, next);
    const diff = changedFields(before, next);
    if (Object.keys(diff.after).length > 0) await recordAudit(trx, { at: now, staffId: actor.id, entity: 'settings', entityId: null, action: 'updated', ...diff });
  });
  return readActivationSettings(deps.db);
}

export const activationSettingsHandlers: Handlers<keyof typeof activationSettingsApi> = {
  'activation-settings:get': async (_input, { deps }) => ({ ...(await readActivationSettings(deps.db)), logo: await readLetterheadLogo(deps.db) }),
  'activation-settings:update': (input, ctx) => updateActivationSettings(ctx.deps, actorOf(ctx), input),
  ...letterheadLogoHandlers,
};
