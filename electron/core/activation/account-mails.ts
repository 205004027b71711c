import type { UiLanguage } from '../../../shared/api/common';
import type { Executor } from '../db/connection';
import { SECRET_MARKER } from '../outbox/outbox-port';
import { outboxQueue } from '../outbox/outbox-queue';
import type { SecretBox } from '../outbox/secret-box';
import { personDisplayName } from '../portal-accounts/account-list-repository';
import { readSettings } from '../settings/settings-service';
import { loadMailTemplate } from '../templates/mail-template-repository';
import { renderMail } from '../templates/render-mail';
import type { MailTemplateType } from '../templates/template-port';
import { readActivationSettings } from './activation-settings';

/** Who a mail to an account goes to, and how to address them. */
interface Recipient {
  accountId: number;
  to: string;
  name: string;
  organisation: string | null;
  language: UiLanguage;
}

/** The address, name, organisation and language a mail to this account uses. */
export async function recipient(trx: Executor, accountId: number): Promise<Recipient> {
  const row = await trx
    .selectFrom('portal_account as a')
    .leftJoin('portal_account_link as l', (j) => j.onRef('l.account_id', '=', 'a.id').on('l.is_default', '=', 1))
    .leftJoin('organisation as o', 'o.id', 'l.organisation_id')
    .leftJoin('person as p', 'p.id', 'l.person_id')
    .select(['a.id', 'a.username', 'a.nickname', 'a.language', 'o.name as organisation', 'p.first_name', 'p.last_name', 'p.language as person_language'])
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
  const fallback = (await readSettings(trx)).defaultLanguage;
  const language = row.language !== 'default' ? row.language : row.person_language && row.person_language !== 'default' ? row.person_language : fallback;
  return {
    accountId: row.id,
    to: row.username,
    name: row.nickname ?? personDisplayName(row.first_name, row.last_name) ?? row.username,
    organisation: row.organisation,
    language,
  };
}

/** "6 December 2026, 10:00" in the mail's language (the customer's own time zone is not known: UTC is said). */
const expiryFormats = new Map<UiLanguage, Intl.DateTimeFormat>();
export function formatExpiry(iso: string, language: UiLanguage): string {
  let format = expiryFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    expiryFormats.set(language, format);
  }
  return `${format.format(new Date(iso))} UTC`;
}

/**
 * Renders an account's mail from its template in the account's language and queues it in
 * the caller's transaction. A link carries SECRET_MARKER in place of the token; the raw
 * token travels encrypted beside the mail and is put in at send time.
 */
export async function queueAccountMail(
  trx: Executor,
  box: SecretBox,
  now: Date,
  type: MailTemplateType,
  accountId: number,
  secret?: { path: string; token: string; expiresAt: string },
): Promise<number> {
  const to = await recipient(trx, accountId);
  const settings = await readActivationSettings(trx);
  const portalUrl = settings.portalUrl.endsWith('/') ? settings.portalUrl : `${settings.portalUrl}/`;
  // An administrator's edited template if there is one, else the shipped text.
  const source = await loadMailTemplate(trx, type, to.language);
  const mail = renderMail(type, to.language, {
    username: to.to,
    name: to.name,
    organisation: to.organisation,
    portalUrl,
    companyName: settings.companyName,
    ...(secret ? { link: `${portalUrl}${secret.path}?token=${SECRET_MARKER}`, expiresAt: formatExpiry(secret.expiresAt, to.language) } : {}),
  }, source);
  return outboxQueue(box)(trx, { kind: type, to: to.to, ...mail, accountId, secret: secret ? { value: secret.token, expiresAt: secret.expiresAt } : undefined }, now);
}
