import { z } from 'zod';
import type { SmsGatewaySettings, SmsGatewayUpdate } from '../../../shared/api/sms-gateway';
import { DEFAULT_SMS_BODY_TEMPLATE } from '../../../shared/api/sms-gateway';
import { AppError } from '../../../shared/errors';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { deleteSetting, readSettingJson, writeSetting } from '../settings/setting-repository';
import type { SecretBox } from './secret-box';
import { smsTemplateProblem, type SmsGateway } from './sms-request';

/** Stored in the setting table under its own key; settings:get does not show it. */
export const SMS_GATEWAY_KEY = 'sms-gateway';

/** The stored form: the secret only as a SecretBox blob, like the SMTP password. */
const StoredSmsGateway = z.object({
  url: z.string(),
  headerName: z.string(),
  secretEnc: z.string().nullable(),
  bodyTemplate: z.string(),
});
type StoredSmsGateway = z.infer<typeof StoredSmsGateway>;

export async function readStoredSmsGateway(db: Executor): Promise<StoredSmsGateway | null> {
  const json = await readSettingJson(db, SMS_GATEWAY_KEY);
  if (json === null) return null;
  const parsed = StoredSmsGateway.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function smsGatewayView(stored: StoredSmsGateway | null): SmsGatewaySettings {
  if (!stored) return { configured: false, url: '', headerName: 'Authorization', secretSet: false, bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE };
  const { secretEnc, ...rest } = stored;
  return { configured: true, ...rest, secretSet: secretEnc !== null };
}

/** The gateway to send with, or null: without one, text messages are kept as files. */
export async function readSmsGateway(db: Executor, box: SecretBox): Promise<SmsGateway | null> {
  const stored = await readStoredSmsGateway(db);
  if (!stored) return null;
  const { secretEnc, ...rest } = stored;
  return { ...rest, secret: secretEnc === null ? null : box.decrypt(secretEnc) };
}

/** Scheme, host and port: a kept secret never follows the messages to another server. */
const originOf = (url: string) => new URL(url).origin.toLowerCase();

export async function updateSmsGateway(deps: CoreDeps, actor: Actor, next: SmsGatewayUpdate): Promise<SmsGatewaySettings> {
  const problem = smsTemplateProblem(next.bodyTemplate);
  if (problem) throw new AppError('VALIDATION', 'The request body must hold {{to}} and {{text}} (and, as JSON, be valid JSON).', { fields: { bodyTemplate: { code: problem } } });
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await readStoredSmsGateway(trx);
    // Whoever may change the address could otherwise have the stored secret sent to a server of their own.
    const keep = next.secret === undefined && before !== null && originOf(before.url) === originOf(next.url);
    const secretEnc = next.secret ? deps.secretBox.encrypt(next.secret) : keep ? before.secretEnc : null;
    const stored: StoredSmsGateway = { url: next.url, headerName: next.headerName, secretEnc, bodyTemplate: next.bodyTemplate };
    await writeSetting(trx, SMS_GATEWAY_KEY, stored);
    await auditChange(trx, actor, now, before, stored, next.secret !== undefined);
  });
  return smsGatewayView(await readStoredSmsGateway(deps.db));
}

export async function removeSmsGateway(deps: CoreDeps, actor: Actor): Promise<SmsGatewaySettings> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await readStoredSmsGateway(trx);
    if (!(await deleteSetting(trx, SMS_GATEWAY_KEY))) return;
    await auditChange(trx, actor, now, before, null, before?.secretEnc != null);
  });
  return smsGatewayView(null);
}

/** The audit shows whether a secret was set or changed, never the secret or its blob. */
async function auditChange(trx: Executor, actor: Actor, at: string, before: StoredSmsGateway | null, after: StoredSmsGateway | null, secretChanged: boolean): Promise<void> {
  const view = (s: StoredSmsGateway | null) => {
    const { configured, url, headerName, bodyTemplate } = smsGatewayView(s);
    return { configured, url, headerName, bodyTemplate, secretChanged: false };
  };
  const diff = changedFields(view(before), { ...view(after), secretChanged });
  if (Object.keys(diff.after).length > 0) await recordAudit(trx, { at, staffId: actor.id, entity: 'settings', entityId: null, action: 'sms-gateway-updated', ...diff });
}
