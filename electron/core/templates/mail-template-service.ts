import { UI_LANGUAGES as LANGUAGES, type UiLanguage } from '../../../shared/api/common';
import type { MailPreview, MailTemplate, MailTemplateDraft } from '../../../shared/api/mail-templates';
import { TICKET_STATUS_LABELS } from '../../../shared/ticket-labels';
import { recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { companyTimeZone, readActivationSettings } from '../settings/activation-settings';
import { DEFAULT_TEMPLATES, type MailTemplateSource } from './default-templates';
import { formatExpiry } from './expiry-format';
import { deleteStoredTemplate, findStoredTemplate, listStoredTemplates, saveStoredTemplate, type StoredMailTemplate } from './mail-template-repository';
import { renderPreviewInThread, templateThreadScript } from './preview-thread';
import { MAIL_TEMPLATE_TYPES, type MailTemplateType, type MailVariables } from './template-port';
import { assertTemplate, TEMPLATE_RULES } from './template-rules';

const SAMPLE_PEOPLE: Record<UiLanguage, { name: string; organisation: string }> = {
  en: { name: 'Alex Morgan', organisation: 'Example Trading Ltd' },
  nl: { name: 'Sanne de Vries', organisation: 'Voorbeeld Handel BV' },
  de: { name: 'Jürgen Größe', organisation: 'Beispiel Handel GmbH' },
};

const SAMPLE_TICKET_TITLES: Record<UiLanguage, string> = { en: 'Invoices do not print', nl: 'Facturen worden niet afgedrukt', de: 'Rechnungen werden nicht gedruckt' };

function toMailTemplate(type: MailTemplateType, language: UiLanguage, stored: StoredMailTemplate | undefined): MailTemplate {
  const source = stored ?? DEFAULT_TEMPLATES[type][language];
  return {
    type,
    language,
    subject: source.subject,
    html: source.html,
    customised: stored !== undefined,
    updatedAt: stored?.updatedAt ?? null,
    allowed: [...TEMPLATE_RULES[type].allowed],
    required: [...TEMPLATE_RULES[type].required],
  };
}

/** Every type in every language, as mails are rendered now. */
export async function listMailTemplates(db: Executor): Promise<MailTemplate[]> {
  const stored = await listStoredTemplates(db);
  const find = (type: MailTemplateType, language: UiLanguage) => stored.find((s) => s.type === type && s.language === language);
  return MAIL_TEMPLATE_TYPES.flatMap((type) => LANGUAGES.map((language) => toMailTemplate(type, language, find(type, language))));
}

/** Sample values in the template's language, with the real company name and portal address. */
async function sampleVariables(deps: CoreDeps, type: MailTemplateType, language: UiLanguage): Promise<MailVariables> {
  const settings = await readActivationSettings(deps.db);
  // Before the portal address is set, the preview shows where it will go.
  const base = settings.portalUrl === '' ? 'https://portal.example.com/' : settings.portalUrl;
  const portalUrl = base.endsWith('/') ? base : `${base}/`;
  const days = type === 'set-password' ? settings.setPasswordHours / 24 : settings.activationDays;
  const expiresAt = new Date(deps.clock().getTime() + days * 86_400_000).toISOString();
  const path = type === 'set-password' ? 'set-password' : 'activate';
  const sample = SAMPLE_PEOPLE[language];
  return {
    username: 'customer@example.com',
    ...sample,
    portalUrl,
    companyName: settings.companyName,
    link: type === 'ticket-status' ? `${portalUrl}tickets/10234` : `${portalUrl}${path}?token=sample-token`,
    expiresAt: formatExpiry(expiresAt, language, companyTimeZone(settings)),
    ticket: { number: 'T-10234', title: SAMPLE_TICKET_TITLES[language], oldStatus: TICKET_STATUS_LABELS[language].done, newStatus: TICKET_STATUS_LABELS[language].accepted },
  };
}

/**
 * Checks a draft (placeholders and syntax) here, then renders it with sample data in the
 * template thread, under a time limit: an administrator's huge loop neither stalls the main
 * process nor gets saved (every save is previewed first, so sending renders only templates
 * that finished in time).
 */
export async function previewMailTemplate(deps: CoreDeps, draft: MailTemplateDraft): Promise<MailPreview> {
  assertTemplate(draft.type, draft.subject, draft.html);
  const variables = await sampleVariables(deps, draft.type, draft.language);
  return renderPreviewInThread(templateThreadScript(deps.resourcesDir, deps.templateThread), draft, variables);
}

const sameSource = (a: MailTemplateSource, b: MailTemplateSource) => a.subject === b.subject && a.html === b.html;

/** Saves an administrator's version of a template, audited with the text before and after. */
export async function updateMailTemplate(deps: CoreDeps, actor: Actor, draft: MailTemplateDraft): Promise<MailTemplate> {
  await previewMailTemplate(deps, draft);
  const { type, language } = draft;
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const before = (await findStoredTemplate(trx, type, language)) ?? undefined;
    const current = before ?? DEFAULT_TEMPLATES[type][language];
    const next: StoredMailTemplate = { type, language, subject: draft.subject, html: draft.html, updatedAt: now, updatedBy: actor.id };
    if (before && sameSource(before, next)) return toMailTemplate(type, language, before);
    await saveStoredTemplate(trx, next);
    await recordAudit(trx, {
      at: now,
      staffId: actor.id,
      entity: 'mail-template',
      entityId: null,
      action: 'updated',
      before: { type, language, subject: current.subject, html: current.html, customised: before !== undefined },
      after: { type, language, subject: next.subject, html: next.html, customised: true },
    });
    return toMailTemplate(type, language, next);
  });
}

/** Drops the administrators' version, so the shipped text applies again. */
export async function resetMailTemplate(deps: CoreDeps, actor: Actor, type: MailTemplateType, language: UiLanguage): Promise<MailTemplate> {
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findStoredTemplate(trx, type, language);
    if (before) {
      await deleteStoredTemplate(trx, type, language);
      const after = DEFAULT_TEMPLATES[type][language];
      await recordAudit(trx, {
        at: now,
        staffId: actor.id,
        entity: 'mail-template',
        entityId: null,
        action: 'reset',
        before: { type, language, subject: before.subject, html: before.html, customised: true },
        after: { type, language, subject: after.subject, html: after.html, customised: false },
      });
    }
    return toMailTemplate(type, language, undefined);
  });
}
