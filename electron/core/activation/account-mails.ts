import { sql } from 'kysely';
import type { ActivationSettings } from '../../../shared/api/activation-settings';
import type { UiLanguage } from '../../../shared/api/common';
import { compiledOnce } from '../db/compiled-once';
import type { Executor } from '../db/connection';
import { SECRET_MARKER } from '../outbox/outbox-port';
import { outboxQueue } from '../outbox/outbox-queue';
import type { SecretBox } from '../outbox/secret-box';
import { personDisplayName } from '../contacts/person-name';
import { readSettings } from '../settings/settings-service';
import type { MailTemplateSource } from '../templates/default-templates';
import { loadMailTemplate } from '../templates/mail-template-repository';
import { renderMail } from '../templates/render-mail';
import type { MailTemplateType } from '../templates/template-port';
import { companyTimeZone, readActivationSettings, requirePortalUrl } from './activation-settings';

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
  /** The portal's base address, ending in "/" ('' while not set: then no link may be built). */
  portalUrl: string;
  /** The zone expiry times are stated in. */
  timeZone: string;
  template(type: MailTemplateType, language: UiLanguage): Promise<MailTemplateSource>;
}

export async function startMailRun(trx: Executor): Promise<MailRun> {
  const settings = await readActivationSettings(trx);
  const defaultLanguage = (await readSettings(trx)).defaultLanguage;
  const templates = new Map<string, MailTemplateSource>();
  return {
    settings,
    defaultLanguage,
    portalUrl: settings.portalUrl === '' || settings.portalUrl.endsWith('/') ? settings.portalUrl : `${settings.portalUrl}/`,
    timeZone: companyTimeZone(settings),
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

/**
 * "18 december 2026 om 14:30 (Midden-Europese standaardtijd)": the expiry in the company's
 * time zone, worded for the recipient's language, with the zone named so a customer
 * elsewhere can tell (dateStyle cannot be combined with a zone name, hence the parts).
 */
const expiryFormats = new Map<string, { when: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();
export function formatExpiry(iso: string, language: UiLanguage, timeZone: string): string {
  const key = `${language}|${timeZone}`;
  let format = expiryFormats.get(key);
  if (!format) {
    format = {
      when: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone }),
      zone: new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'long' }),
    };
    expiryFormats.set(key, format);
  }
  const date = new Date(iso);
  const zoneName = format.zone.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return `${format.when.format(date)} (${zoneName})`;
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
  // Every link needs the portal's address; the callers check first, this stops any other.
  if (secret) requirePortalUrl(run.settings);
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
      ...(secret ? { link: `${run.portalUrl}${secret.path}?token=${SECRET_MARKER}`, expiresAt: formatExpiry(secret.expiresAt, to.language, run.timeZone) } : {}),
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
