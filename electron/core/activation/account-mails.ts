import { sql } from 'kysely';
import type { ActivationSettings } from '../../../shared/api/activation-settings';
import type { UiLanguage } from '../../../shared/api/common';
import { compiledOnce } from '../db/compiled-once';
import type { Executor } from '../db/connection';
import { SECRET_MARKER } from '../outbox/outbox-port';
import { outboxQueue } from '../outbox/outbox-queue';
import type { SecretBox } from '../outbox/secret-box';
import { personDisplayName } from '../portal-accounts/account-list-repository';
import { readSettings } from '../settings/settings-service';
import type { MailTemplateSource } from '../templates/default-templates';
import { loadMailTemplate } from '../templates/mail-template-repository';
import { renderMail } from '../templates/render-mail';
import type { MailTemplateType } from '../templates/template-port';
import { readActivationSettings } from './activation-settings';

/** An account with its default organisation and person: everything a mail or a letter to it needs, read at once. */
export interface AccountContact {
  id: number;
  username: string;
  nickname: string | null;
  language: UiLanguage | 'default';
  active: number;
  activated_at: string | null;
  password_hash: string | null;
  organisation: string | null;
  address_line1: string | null;
  address_line2: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  salutation: string | null;
  first_name: string | null;
  last_name: string | null;
  person_language: UiLanguage | 'default' | null;
}

/** A literal, not a bound parameter: only then can SQLite use the partial index of default links. */
const DEFAULT_LINK = sql.lit(1);

// Compiled once: a bulk activation reads thousands of accounts this way.
const selectAccountContact = compiledOnce((db, accountId: number) =>
  db
    .selectFrom('portal_account as a')
    .leftJoin('portal_account_link as l', (j) => j.onRef('l.account_id', '=', 'a.id').on('l.is_default', '=', DEFAULT_LINK))
    .leftJoin('organisation as o', 'o.id', 'l.organisation_id')
    .leftJoin('person as p', 'p.id', 'l.person_id')
    .select([
      'a.id',
      'a.username',
      'a.nickname',
      'a.language',
      'a.active',
      'a.activated_at',
      'a.password_hash',
      'o.name as organisation',
      'o.address_line1',
      'o.address_line2',
      'o.postal_code',
      'o.city',
      'o.country',
      'p.salutation',
      'p.first_name',
      'p.last_name',
      'p.language as person_language',
    ])
    .where('a.id', '=', accountId),
);

export async function findAccountContact(trx: Executor, accountId: number): Promise<AccountContact | undefined> {
  return (await selectAccountContact(trx, accountId)).rows[0];
}

/** Who a mail to an account goes to, and how to address them. */
export interface Recipient {
  accountId: number;
  to: string;
  name: string;
  organisation: string | null;
  language: UiLanguage;
}

/** The account's language, else its person's, else the default language. */
export function recipientOf(row: AccountContact, defaultLanguage: UiLanguage): Recipient {
  const language = row.language !== 'default' ? row.language : row.person_language && row.person_language !== 'default' ? row.person_language : defaultLanguage;
  return {
    accountId: row.id,
    to: row.username,
    name: row.nickname ?? personDisplayName(row.first_name, row.last_name) ?? row.username,
    organisation: row.organisation,
    language,
  };
}

/** The address, name, organisation and language a mail to this account uses. */
export async function recipient(trx: Executor, accountId: number): Promise<Recipient> {
  const row = await findAccountContact(trx, accountId);
  if (!row) throw new Error(`Portal account ${accountId} does not exist.`);
  return recipientOf(row, (await readSettings(trx)).defaultLanguage);
}

/**
 * What the mails and letters of one action share, read once for all of its accounts: the
 * activation settings, the default language and the templates (an administrator's edited
 * version if there is one, else the shipped text).
 */
export interface MailRun {
  settings: ActivationSettings;
  defaultLanguage: UiLanguage;
  /** The portal's base address, ending in "/". */
  portalUrl: string;
  template(type: MailTemplateType, language: UiLanguage): Promise<MailTemplateSource>;
}

export async function startMailRun(trx: Executor): Promise<MailRun> {
  const settings = await readActivationSettings(trx);
  const defaultLanguage = (await readSettings(trx)).defaultLanguage;
  const templates = new Map<string, MailTemplateSource>();
  return {
    settings,
    defaultLanguage,
    portalUrl: settings.portalUrl.endsWith('/') ? settings.portalUrl : `${settings.portalUrl}/`,
    async template(type, language) {
      const key = `${type}:${language}`;
      let source = templates.get(key);
      if (!source) {
        source = await loadMailTemplate(trx, type, language);
        templates.set(key, source);
      }
      return source;
    },
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

/** A link's secret: the raw token travels encrypted beside the mail and is put in at send time. */
export interface MailSecret {
  path: string;
  token: string;
  expiresAt: string;
}

/**
 * Renders a mail to a recipient from its template in the recipient's language and queues it
 * in the caller's transaction. A link carries SECRET_MARKER in place of the token.
 */
export async function queueMailTo(trx: Executor, box: SecretBox, now: Date, type: MailTemplateType, to: Recipient, run: MailRun, secret?: MailSecret): Promise<number> {
  const source = await run.template(type, to.language);
  const mail = renderMail(
    type,
    to.language,
    {
      username: to.to,
      name: to.name,
      organisation: to.organisation,
      portalUrl: run.portalUrl,
      companyName: run.settings.companyName,
      ...(secret ? { link: `${run.portalUrl}${secret.path}?token=${SECRET_MARKER}`, expiresAt: formatExpiry(secret.expiresAt, to.language) } : {}),
    },
    source,
  );
  return outboxQueue(box)(trx, { kind: type, to: to.to, ...mail, accountId: to.accountId, secret: secret ? { value: secret.token, expiresAt: secret.expiresAt } : undefined }, now);
}

/** queueMailTo for a single account, reading what it needs. */
export async function queueAccountMail(trx: Executor, box: SecretBox, now: Date, type: MailTemplateType, accountId: number, secret?: MailSecret): Promise<number> {
  const run = await startMailRun(trx);
  const row = await findAccountContact(trx, accountId);
  if (!row) throw new Error(`Portal account ${accountId} does not exist.`);
  return queueMailTo(trx, box, now, type, recipientOf(row, run.defaultLanguage), run, secret);
}
