import { z } from 'zod';
import { SmtpTls, type SmtpSettings, type SmtpSettingsUpdate } from '../../../shared/api/outbox';
import { changedFields, recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import type { SecretBox } from './secret-box';
import { readSettingJson, writeSetting } from '../settings/setting-repository';

/** Stored in the setting table under its own key; settings:get does not show it. */
export const SMTP_SETTINGS_KEY = 'smtp';

/** The stored form: the password only as a SecretBox blob. */
const StoredSmtp = z.object({
  host: z.string(),
  port: z.number().int(),
  tls: SmtpTls,
  user: z.string().nullable(),
  passwordEnc: z.string().nullable(),
  senderAddress: z.string(),
  senderName: z.string(),
});
export type StoredSmtp = z.infer<typeof StoredSmtp>;

/** What a transport needs, password decrypted; only the worker and smtp:test hold it, never an answer. */
export interface SmtpConnection {
  host: string;
  port: number;
  tls: SmtpTls;
  user: string | null;
  password: string | null;
  senderAddress: string;
  senderName: string;
}

export async function readStoredSmtp(db: Executor): Promise<StoredSmtp | null> {
  const json = await readSettingJson(db, SMTP_SETTINGS_KEY);
  if (json === null) return null;
  const parsed = StoredSmtp.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function smtpSettingsView(stored: StoredSmtp | null): SmtpSettings {
  if (!stored) return { configured: false, host: '', port: 587, tls: 'starttls', user: null, passwordSet: false, senderAddress: '', senderName: '' };
  const { passwordEnc, ...rest } = stored;
  return { configured: true, ...rest, passwordSet: passwordEnc !== null };
}

/** The connection to send with, or null when no SMTP server is configured. */
export async function readSmtpConnection(db: Executor, box: SecretBox): Promise<SmtpConnection | null> {
  const stored = await readStoredSmtp(db);
  if (!stored) return null;
  const { passwordEnc, ...rest } = stored;
  return { ...rest, password: passwordEnc === null ? null : box.decrypt(passwordEnc) };
}

export async function updateSmtpSettings(deps: CoreDeps, actor: Actor, next: SmtpSettingsUpdate): Promise<SmtpSettings> {
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const before = await readStoredSmtp(trx);
    // A kept password never follows the mail to another server: whoever may change the
    // host (an administrator, or anyone holding the browser-mode key) could otherwise
    // have the stored password sent to a server of their own with "Send test mail".
    const keep = next.password === undefined && before !== null && sameServer(before, next);
    const passwordEnc = next.password ? deps.secretBox.encrypt(next.password) : keep ? before.passwordEnc : null;
    const stored: StoredSmtp = {
      host: next.host,
      port: next.port,
      tls: next.tls,
      user: next.user,
      passwordEnc,
      senderAddress: next.senderAddress,
      senderName: next.senderName,
    };
    await writeSetting(trx, SMTP_SETTINGS_KEY, stored);
    // The audit shows whether a password was set or changed, never the password or its blob.
    const diff = changedFields(
      { ...smtpSettingsView(before), passwordChanged: false },
      { ...smtpSettingsView(stored), passwordChanged: next.password !== undefined },
    );
    if (Object.keys(diff.after).length > 0) {
      await recordAudit(trx, { at: now, staffId: actor.id, entity: 'settings', entityId: null, action: 'smtp-updated', ...diff });
    }
  });
  return smtpSettingsView(await readStoredSmtp(deps.db));
}

/** Same host (DNS names are case-insensitive), port and TLS mode: the only case a stored password is kept. */
export function sameServer(a: Pick<StoredSmtp, 'host' | 'port' | 'tls'>, b: Pick<StoredSmtp, 'host' | 'port' | 'tls'>): boolean {
  return a.host.trim().toLowerCase() === b.host.trim().toLowerCase() && a.port === b.port && a.tls === b.tls;
}
