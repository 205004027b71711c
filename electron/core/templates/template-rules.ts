import { Liquid } from 'liquidjs';
import { AppError, type FieldError, type TemplateSyntaxProblem } from '../../../shared/errors';
import type { MailTemplateType } from './template-port';

/** Placeholder names a mail template may use, and those it must use. */
export const PLACEHOLDERS = ['username', 'name', 'organisation', 'link', 'expires_at', 'portal_url', 'company_name', 'ticket_number', 'ticket_title', 'old_status', 'new_status'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
/** What every mail to an account may say of the account and the company. */
const ACCOUNT_PLACEHOLDERS = ['username', 'name', 'organisation', 'portal_url', 'company_name'] as const;

export const TEMPLATE_RULES: Record<MailTemplateType, { allowed: readonly Placeholder[]; required: readonly Placeholder[] }> = {
  activation: { allowed: [...ACCOUNT_PLACEHOLDERS, 'link', 'expires_at'], required: ['link', 'expires_at'] },
  'set-password': { allowed: [...ACCOUNT_PLACEHOLDERS, 'link', 'expires_at'], required: ['link', 'expires_at'] },
  'password-changed': { allowed: ['username', 'name', 'organisation', 'portal_url', 'company_name'], required: [] },
  welcome: { allowed: ['username', 'name', 'organisation', 'portal_url', 'company_name'], required: [] },
  // No link: the letter and the mail are two separate factors, so the letter never carries the token.
  'activation-letter': { allowed: ['username', 'name', 'organisation', 'expires_at', 'portal_url', 'company_name'], required: [] },
  // The link opens the ticket in the portal (no secret in it); the statuses are in the mail's language.
  'ticket-status': { allowed: [...ACCOUNT_PLACEHOLDERS, 'link', 'ticket_number', 'ticket_title', 'old_status', 'new_status'], required: ['ticket_number', 'new_status'] },
};

/**
 * Templates are written by administrators and previewed by any staff user, so they get
 * no file system (an empty in-memory one: {% include %}, {% render %} and {% layout %}
 * find nothing instead of reading files such as the code key from the working folder)
 * and bounded work (a {% for %} over a huge range would stall the main process).
 */
const SAFE_OPTIONS = {
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  templates: {},
  cache: 50,
  parseLimit: 100_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
} as const;

/**
 * One engine for every mail: a missing variable or filter is an error (strict), never an
 * empty gap in a customer's mail; values are HTML-escaped in bodies.
 */
export const mailLiquid = new Liquid({ ...SAFE_OPTIONS, outputEscape: 'escape' });
/** The same for subjects: plain text, no escaping. */
export const subjectLiquid = new Liquid(SAFE_OPTIONS);

/** A syntax error with its place and kind, read from liquidjs's error (its token position and message). */
export interface SyntaxProblem {
  field: 'subject' | 'html';
  message: string;
  line?: number;
  column?: number;
  problem: TemplateSyntaxProblem;
  name?: string;
}

export interface TemplateProblems {
  syntax: SyntaxProblem[];
  missing: Placeholder[];
  unknown: string[];
}

function variablesOf(engine: Liquid, source: string, field: 'subject' | 'html', problems: TemplateProblems): string[] {
  try {
    return engine.globalVariablesSync(source);
  } catch (error) {
    problems.syntax.push(syntaxProblem(field, error));
    return [];
  }
}

/** liquidjs words its errors in English only; the kind and the name are read from that text, the place from its token. */
function syntaxProblem(field: 'subject' | 'html', error: unknown): SyntaxProblem {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const token = (error as { token?: { getPosition?: () => [number, number] } }).token;
  const [line, column] = token?.getPosition?.() ?? [];
  const where = line === undefined ? {} : { line, column: column ?? 1 };
  const unknownTag = /^tag "([^"]+)" not found/.exec(message);
  if (unknownTag?.[1]) return { field, message, ...where, problem: 'unknown_tag', name: unknownTag[1] };
  const unknownFilter = /^undefined filter: ([^,\s]+)/.exec(message);
  if (unknownFilter?.[1]) return { field, message, ...where, problem: 'unknown_filter', name: unknownFilter[1] };
  const notClosed = /^(?:tag|output) "?(\{[%{][^]*?[%}]\})"? not closed/.exec(message) ?? /^(?:tag|output) "([^"]*)" not closed/.exec(message);
  if (notClosed?.[1]) return { field, message, ...where, problem: 'not_closed', name: notClosed[1].trim() };
  return { field, message, ...where, problem: 'syntax' };
}

/** What is wrong with a template: syntax errors, required placeholders it lacks, placeholders it may not use. */
export function checkTemplate(type: MailTemplateType, subject: string, html: string): TemplateProblems {
  const problems: TemplateProblems = { syntax: [], missing: [], unknown: [] };
  const used = new Set([...variablesOf(subjectLiquid, subject, 'subject', problems), ...variablesOf(mailLiquid, html, 'html', problems)]);
  const rules = TEMPLATE_RULES[type];
  problems.unknown = [...used].filter((v) => !(rules.allowed as readonly string[]).includes(v)).sort();
  // Required placeholders belong in the body, where the customer reads them.
  const inBody = new Set(problems.syntax.length > 0 ? [] : variablesOf(mailLiquid, html, 'html', { syntax: [], missing: [], unknown: [] }));
  problems.missing = problems.syntax.some((s) => s.field === 'html') ? [] : rules.required.filter((r) => !inBody.has(r));
  return problems;
}

/** Refuses a template with any problem, naming each, with a field error on the part at fault. */
export function assertTemplate(type: MailTemplateType, subject: string, html: string): void {
  const p = checkTemplate(type, subject, html);
  if (p.syntax.length === 0 && p.missing.length === 0 && p.unknown.length === 0) return;
  const fields: Record<string, FieldError> = {};
  const parts: string[] = [];
  for (const s of p.syntax) {
    const { line, column, problem, name } = s;
    fields[s.field] = { code: 'invalid_template', problem, ...(line === undefined ? {} : { line, column }), ...(name === undefined ? {} : { name }) };
    parts.push(`the ${s.field} cannot be read: ${s.message}`);
  }
  if (p.missing.length > 0) {
    fields.html ??= { code: 'missing_placeholder' };
    parts.push(`it must contain ${p.missing.map((m) => `{{ ${m} }}`).join(' and ')}`);
  }
  if (p.unknown.length > 0) {
    fields.html ??= { code: 'unknown_placeholder' };
    parts.push(`there is no placeholder ${p.unknown.map((u) => `{{ ${u} }}`).join(', ')}`);
  }
  throw new AppError('VALIDATION', `This ${type} template cannot be saved: ${parts.join('; ')}.`, {
    fields,
    params: { missing: p.missing.join(', '), unknown: p.unknown.join(', ') },
  });
}
