import type { UiLanguage } from '../../../shared/api/common';
import type { Executor } from '../db/connection';
import { DEFAULT_TEMPLATES, type MailTemplateSource } from './default-templates';
import type { MailTemplateType } from './template-port';

/** An administrator's stored version of a template. */
export interface StoredMailTemplate extends MailTemplateSource {
  type: MailTemplateType;
  language: UiLanguage;
  updatedAt: string;
  updatedBy: number | null;
}

interface MailTemplateRow {
  type: string;
  language: string;
  subject: string;
  html: string;
  updated_at: string;
  updated_by: number | null;
}

// The table's CHECK constraints hold type and language to these values.
const rowToTemplate = (row: MailTemplateRow): StoredMailTemplate => ({
  type: row.type as MailTemplateType,
  language: row.language as UiLanguage,
  subject: row.subject,
  html: row.html,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export async function findStoredTemplate(db: Executor, type: MailTemplateType, language: UiLanguage): Promise<StoredMailTemplate | null> {
  const row = await db.selectFrom('mail_template').selectAll().where('type', '=', type).where('language', '=', language).executeTakeFirst();
  return row ? rowToTemplate(row) : null;
}

export async function listStoredTemplates(db: Executor): Promise<StoredMailTemplate[]> {
  const rows = await db.selectFrom('mail_template').selectAll().execute();
  return rows.map(rowToTemplate);
}

export async function saveStoredTemplate(db: Executor, t: StoredMailTemplate): Promise<void> {
  const values = { subject: t.subject, html: t.html, updated_at: t.updatedAt, updated_by: t.updatedBy };
  await db
    .insertInto('mail_template')
    .values({ type: t.type, language: t.language, ...values })
    .onConflict((oc) => oc.columns(['type', 'language']).doUpdateSet(values))
    .execute();
}

export async function deleteStoredTemplate(db: Executor, type: MailTemplateType, language: UiLanguage): Promise<void> {
  await db.deleteFrom('mail_template').where('type', '=', type).where('language', '=', language).execute();
}

/** The template a mail is rendered from: the administrators' version if there is one, else the shipped text. */
export async function loadMailTemplate(db: Executor, type: MailTemplateType, language: UiLanguage): Promise<MailTemplateSource> {
  const stored = await findStoredTemplate(db, type, language);
  return stored ? { subject: stored.subject, html: stored.html } : DEFAULT_TEMPLATES[type][language];
}
