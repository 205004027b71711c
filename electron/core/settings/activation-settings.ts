import { ActivationSettings, DEFAULT_ACTIVATION_SETTINGS, PLACEHOLDER_PORTAL_URL, type activationSettingsApi } from '../../../shared/api/activation-settings';
import { AppError } from '../../../shared/errors';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import { actorOf, type Actor, type CoreDeps, type Handlers } from '../context';
import type { Executor } from '../db/connection';
import { letterheadLogoHandlers, readLetterheadLogo } from './letterhead-logo';
import { readSettingJson, writeSetting } from './setting-repository';

const KEY = 'activation';

/** How long activation and set-password links live, and the portal address links are built from. */
export async function readActivationSettings(db: Executor): Promise<ActivationSettings> {
  return activationSettingsOf(await readSettingJson(db, KEY));
}

/** The activation settings among every stored setting (readAllSettings), for a caller that reads them all at once. */
export function activationSettingsAmong(rows: readonly { key: string; value_json: string }[]): ActivationSettings {
  return activationSettingsOf(rows.find((row) => row.key === KEY)?.value_json ?? null);
}

function activationSettingsOf(json: string | null): ActivationSettings {
  if (json === null) return DEFAULT_ACTIVATION_SETTINGS;
  // Over the defaults: settings stored before a field existed still read.
  const parsed = ActivationSettings.safeParse({ ...DEFAULT_ACTIVATION_SETTINGS, ...(JSON.parse(json) as object) });
  if (!parsed.success) return DEFAULT_ACTIVATION_SETTINGS;
  // Earlier versions saved their placeholder with the other settings, unasked: it was never chosen.
  return parsed.data.portalUrl === PLACEHOLDER_PORTAL_URL ? { ...parsed.data, portalUrl: '' } : parsed.data;
}

/** Refuses to build customer links while the portal address is not set: they would lead nowhere. */
export function requirePortalUrl(settings: ActivationSettings): string {
  if (settings.portalUrl === '') {
    throw new AppError('PORTAL_ADDRESS_UNSET', 'The portal address is not set. Set it in Settings (or with: npm run portier -- settings portal --url URL) before sending activations or links.');
  }
  return settings.portalUrl.endsWith('/') ? settings.portalUrl : `${settings.portalUrl}/`;
}

/** The zone expiry times are stated in: the company's, else the system's. */
export function companyTimeZone(settings: ActivationSettings): string {
  return settings.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
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
