import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LOGO_MAX_BYTES, LogoMimeType, type LetterheadLogo, type SetLetterheadLogo, type activationSettingsApi } from '../../../shared/api/activation-settings';
import { AppError, type FieldError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import { actorOf, type Actor, type CoreDeps, type Handlers } from '../context';
import type { Executor } from '../db/connection';
import type { LetterheadImage } from '../letters/letter-data';
import { checkLogoImage } from '../letters/logo-image';
import { deleteSetting, readSettingJson, writeSetting } from './setting-repository';

/** Its own settings row, so reading the other activation settings never loads the image. */
const KEY = 'letterhead-logo';

/** The stored row: the checked file with what was read from its header. */
const StoredLogo = z.object({ mimeType: LogoMimeType, width: z.number().int().positive(), height: z.number().int().positive(), dataBase64: z.string() });
type StoredLogo = z.infer<typeof StoredLogo>;

async function readStoredLogo(db: Executor): Promise<StoredLogo | null> {
  const json = await readSettingJson(db, KEY);
  if (json === null) return null;
  const parsed = StoredLogo.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/** The logo for the letter writers, or null when letters carry none. */
export async function readLetterheadImage(db: Executor): Promise<LetterheadImage | null> {
  const stored = await readStoredLogo(db);
  return stored ? { mimeType: stored.mimeType, width: stored.width, height: stored.height, data: Buffer.from(stored.dataBase64, 'base64') } : null;
}

const toView = (stored: StoredLogo): LetterheadLogo => ({
  mimeType: stored.mimeType,
  width: stored.width,
  height: stored.height,
  bytes: Buffer.byteLength(stored.dataBase64, 'base64'),
  dataUrl: `data:${stored.mimeType};base64,${stored.dataBase64}`,
});

/** The logo as the settings screen shows it. */
export async function readLetterheadLogo(db: Executor): Promise<LetterheadLogo | null> {
  const stored = await readStoredLogo(db);
  return stored ? toView(stored) : null;
}

/** What the audit log keeps of a logo: enough to tell two apart, never the image itself. */
const auditOf = (stored: StoredLogo | null) =>
  stored ? { mimeType: stored.mimeType, width: stored.width, height: stored.height, sha256: createHash('sha256').update(Buffer.from(stored.dataBase64, 'base64')).digest('hex') } : null;

const logoError = (fields: Record<string, FieldError>, message: string) => new AppError('VALIDATION', message, { fields });

async function setLetterheadLogo(deps: CoreDeps, actor: Actor, input: SetLetterheadLogo): Promise<LetterheadLogo> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > LOGO_MAX_BYTES) throw logoError({ dataBase64: { code: 'file_too_large', max: LOGO_MAX_BYTES / 1024 } }, 'The logo file is larger than 512 KB.');
  const checked = checkLogoImage(bytes);
  if ('error' in checked) throw logoError({ dataBase64: checked.error }, 'The logo is not a PNG or JPEG image within the limits.');
  // The bytes decide the format; a type that contradicts them is refused rather than silently corrected.
  if (checked.mimeType !== input.mimeType) throw logoError({ mimeType: { code: 'invalid_value' } }, `The file is ${checked.mimeType}, not ${input.mimeType}.`);
  const next: StoredLogo = { mimeType: checked.mimeType, width: checked.width, height: checked.height, dataBase64: bytes.toString('base64') };
  await deps.db.transaction().execute(async (trx) => {
    const before = await readStoredLogo(trx);
    await writeSetting(trx, KEY, next);
    await recordAudit(trx, { at: isoNow(deps.clock), staffId: actor.id, entity: 'settings', entityId: null, action: 'updated', before: { letterheadLogo: auditOf(before) }, after: { letterheadLogo: auditOf(next) } });
  });
  return toView(next);
}

async function removeLetterheadLogo(deps: CoreDeps, actor: Actor): Promise<null> {
  await deps.db.transaction().execute(async (trx) => {
    const before = await readStoredLogo(trx);
    // Removing what is not there changes nothing, so there is nothing to audit.
    if (await deleteSetting(trx, KEY)) {
      await recordAudit(trx, { at: isoNow(deps.clock), staffId: actor.id, entity: 'settings', entityId: null, action: 'updated', before: { letterheadLogo: auditOf(before) }, after: { letterheadLogo: null } });
    }
  });
  return null;
}

export const letterheadLogoHandlers: Handlers<Extract<keyof typeof activationSettingsApi, 'activation-settings:set-logo' | 'activation-settings:remove-logo'>> = {
  'activation-settings:set-logo': (input, ctx) => setLetterheadLogo(ctx.deps, actorOf(ctx), input),
  'activation-settings:remove-logo': (_input, ctx) => removeLetterheadLogo(ctx.deps, actorOf(ctx)),
};
