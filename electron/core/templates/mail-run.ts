import type { ActivationSettings } from '../../../shared/api/activation-settings';
import type { UiLanguage } from '../../../shared/api/common';
import type { Executor } from '../db/connection';
import { activationSettingsAmong, companyTimeZone } from '../settings/activation-settings';
import { readAllSettings } from '../settings/setting-repository';
import { settingsAmong } from '../settings/settings-service';
import { DEFAULT_TEMPLATES, type MailTemplateSource } from './default-templates';
import { listStoredTemplates } from './mail-template-repository';
import type { MailTemplateType } from './template-port';

/**
 * What the mails and letters of one action share, read once for all of its accounts: the
 * activation settings, the default language and the templates (an administrator's edited
 * version if there is one, else the shipped text, as loadMailTemplate picks them).
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

/**
 * The run of each open transaction: an action's mails and letters (and the action itself) share
 * one, so the settings are read once per transaction, not once per port (on PostgreSQL each read
 * is a round trip). Transactions only: outside one, every call reads afresh.
 */
const runs = new WeakMap<Executor, Promise<MailRun>>();

/** Reads a MailRun in the action's transaction (once per transaction). */
export function startMailRun(trx: Executor): Promise<MailRun> {
  if (!trx.isTransaction) return readMailRun(trx);
  let run = runs.get(trx);
  if (!run) {
    run = readMailRun(trx);
    runs.set(trx, run);
  }
  return run;
}

/** The settings and every template an administrator edited, in two reads (on PostgreSQL each read is a round trip). */
async function readMailRun(trx: Executor): Promise<MailRun> {
  const rows = await readAllSettings(trx);
  const settings = activationSettingsAmong(rows);
  const edited = new Map((await listStoredTemplates(trx)).map((t) => [`${t.type}:${t.language}`, { subject: t.subject, html: t.html }]));
  return {
    settings,
    defaultLanguage: settingsAmong(rows).defaultLanguage,
    portalUrl: settings.portalUrl === '' || settings.portalUrl.endsWith('/') ? settings.portalUrl : `${settings.portalUrl}/`,
    timeZone: companyTimeZone(settings),
    template(type, language) {
      return Promise.resolve(edited.get(`${type}:${language}`) ?? DEFAULT_TEMPLATES[type][language]);
    },
  };
}
