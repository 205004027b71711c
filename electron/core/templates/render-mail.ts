import { compile } from 'html-to-text';
import type { Liquid } from 'liquidjs';
import type { UiLanguage } from '../../../shared/api/common';
import { DEFAULT_TEMPLATES, type MailTemplateSource } from './default-templates';
import { mailLiquid, subjectLiquid } from './template-rules';
import type { MailTemplateType, MailVariables, RenderedMail } from './template-port';

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain, inline-styled frame every mail client shows the same way. */
function layout(companyName: string, body: string): string {
  return `<!doctype html>
<html><body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1d2733;">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #d5dbe2;border-radius:6px;padding:24px;line-height:1.5;">
<p style="margin:0 0 16px;font-weight:bold;color:#1f5f8b;">${escapeHtml(companyName)}</p>
${body}
</div></body></html>`;
}

/** The plain-text converter, compiled once (compiling its selectors costs more than converting a mail). */
const toText = compile({ wordwrap: 78, selectors: [{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } }] });

/** Paragraphs for print: not wrapped (the letter wraps them to its own width). */
const toPrintText = compile({ wordwrap: false, selectors: [{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } }] });

/** Placeholder names in templates are snake_case; the core's variables are camelCase. */
function scope(v: MailVariables): Record<string, string> {
  const s: Record<string, string> = { username: v.username, name: v.name, organisation: v.organisation ?? '', portal_url: v.portalUrl, company_name: v.companyName };
  if (v.link !== undefined) s.link = v.link;
  if (v.expiresAt !== undefined) s.expires_at = v.expiresAt;
  if (v.ticket !== undefined) Object.assign(s, { ticket_number: v.ticket.number, ticket_title: v.ticket.title, old_status: v.ticket.oldStatus, new_status: v.ticket.newStatus });
  return s;
}

type Parsed = ReturnType<Liquid['parse']>;

/**
 * Parsed templates by engine and source: a bulk run renders the same few templates for
 * thousands of accounts, and parsing costs more than rendering. An edited template has a
 * new source and so a new entry; the oldest entry goes first.
 */
const parsedCache = new Map<string, Parsed>();
const PARSED_CACHE_SIZE = 64;
function parsed(engine: Liquid, source: string): Parsed {
  const key = `${engine === mailLiquid ? 'h' : 's'}:${source}`;
  let hit = parsedCache.get(key);
  if (!hit) {
    hit = engine.parse(source);
    parsedCache.set(key, hit);
    if (parsedCache.size > PARSED_CACHE_SIZE) parsedCache.delete(parsedCache.keys().next().value as string);
  }
  return hit;
}

/**
 * A mail from its template: subject (one line), HTML in the mail frame (values escaped)
 * and the plain-text part made from it, with links written out.
 */
export function renderMail(type: MailTemplateType, language: UiLanguage, variables: MailVariables, source?: MailTemplateSource): RenderedMail {
  const template = source ?? DEFAULT_TEMPLATES[type][language];
  const values = scope(variables);
  const subject = (subjectLiquid.renderSync(parsed(subjectLiquid, template.subject), values) as string).replace(/\s+/g, ' ').trim();
  const body = mailLiquid.renderSync(parsed(mailLiquid, template.html), values) as string;
  const html = layout(variables.companyName, body);
  const text = toText(html);
  return { subject, html, text };
}

/** The activation letter's own text: its subject and its paragraphs (the salutation first), as plain text for print. */
export interface LetterText {
  subject: string;
  paragraphs: string[];
}

/** The letter's text from its template (an administrator's version, or the shipped one), values put in escaped. */
export function renderLetterText(language: UiLanguage, variables: MailVariables, source?: MailTemplateSource): LetterText {
  const template = source ?? DEFAULT_TEMPLATES['activation-letter'][language];
  const values = scope(variables);
  const subject = (subjectLiquid.renderSync(parsed(subjectLiquid, template.subject), values) as string).replace(/\s+/g, ' ').trim();
  const body = mailLiquid.renderSync(parsed(mailLiquid, template.html), values) as string;
  const paragraphs = toPrintText(body)
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
  return { subject, paragraphs };
}
