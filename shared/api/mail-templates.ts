import { z } from 'zod';
import { channel } from '../contract';
import { Empty, Timestamp, UiLanguage } from './common';

/** The mails Portier sends from templates (ticket-status: a followed ticket's status changed), and the activation letter's text (kept in step with the core's MAIL_TEMPLATE_TYPES). */
export const MailTemplateType = z.enum(['activation', 'set-password', 'password-changed', 'welcome', 'activation-letter', 'ticket-status']);
export type MailTemplateType = z.infer<typeof MailTemplateType>;

/** Which template: its type and language. */
export const MailTemplateKey = z.strictObject({ type: MailTemplateType, language: UiLanguage });

/** A template's editable parts: a one-line liquid subject and a liquid HTML body. */
export const MailTemplateDraft = MailTemplateKey.extend({
  subject: z.string().trim().min(1).max(300),
  html: z.string().trim().min(1).max(50_000),
});
export type MailTemplateDraft = z.infer<typeof MailTemplateDraft>;

/** A template as it is used now, whether an administrator changed it, and its placeholders. */
export const MailTemplate = MailTemplateDraft.extend({
  customised: z.boolean(),
  updatedAt: Timestamp.nullable(),
  /** Placeholder names the template may use, e.g. "link" for {{ link }}. */
  allowed: z.array(z.string()),
  /** Placeholder names the body must use. */
  required: z.array(z.string()),
});
export type MailTemplate = z.infer<typeof MailTemplate>;

/** A mail rendered from a draft with sample data. */
export const MailPreview = z.strictObject({ subject: z.string(), html: z.string(), text: z.string() });
export type MailPreview = z.infer<typeof MailPreview>;

export const mailTemplatesApi = {
  /** Every type in every language, as used now. */
  'mail-templates:list': channel({ access: 'staff', input: Empty, output: z.array(MailTemplate) }),
  /** Saves an administrator's version; refused (naming what) when a required placeholder is missing or an unknown one is used. */
  'mail-templates:update': channel({ access: 'admin', input: MailTemplateDraft, output: MailTemplate, changes: ['mail-templates', 'audit'] }),
  /** Back to the shipped text. */
  'mail-templates:reset': channel({ access: 'admin', input: MailTemplateKey, output: MailTemplate, changes: ['mail-templates', 'audit'] }),
  /** Renders an unsaved draft with sample data, or answers the same field errors a save would. */
  'mail-templates:preview': channel({ access: 'staff', input: MailTemplateDraft, output: MailPreview }),
} as const;
