import type { UiLanguage } from '../../shared/api/common';
import type { PasswordPolicy } from '../../shared/api/password-policy';
import { AppError } from '../../shared/errors';
import type { PasswordProblem } from '../../shared/password-policy';
import type { PasswordRules } from '../../shared/portal-api/passwords';
import type { PortalKit } from './portal-kit';
import type { PortalScript } from './portal-scripts';
import { portalText, type PortalTextKey } from './text';

/** The script that marks the rules while the customer types (the forms work without it). */
export const PASSWORD_SCRIPTS: readonly PortalScript[] = ['/assets/password-feedback.js'];

type RuleCode = PasswordProblem['code'];
type RuleState = 'unknown' | 'met' | 'unmet';

/** Every rule of the policy, in the order the back office lists them, with its text. */
function policyRules(lang: UiLanguage, policy: PasswordPolicy): { code: RuleCode; text: string }[] {
  const rule = (code: RuleCode, key: PortalTextKey, params?: Record<string, number>) => ({ code, text: portalText(lang, key, params) });
  return [
    rule('too_short', 'password.rule.minLength', { min: policy.minLength }),
    rule('too_long', 'password.rule.maxLength', { max: policy.maxLength }),
    ...(policy.requireUpper ? [rule('needs_upper', 'password.rule.upper')] : []),
    ...(policy.requireLower ? [rule('needs_lower', 'password.rule.lower')] : []),
    ...(policy.requireDigit ? [rule('needs_digit', 'password.rule.digit')] : []),
    ...(policy.requireSymbol ? [rule('needs_symbol', 'password.rule.symbol')] : []),
    ...(policy.blockCommon ? [rule('common', 'password.rule.common')] : []),
    ...(policy.blockContext ? [rule('contains_context', 'password.rule.context')] : []),
  ];
}

/** What the password-fields template shows: the new password twice, the rules, and what went wrong. */
export interface PasswordFieldsView {
  /** The policy and context words as JSON, for the live-feedback script (an attribute: escaped by the template). */
  config: string;
  rules: { code: RuleCode; text: string; state: RuleState; mark: string; stateText: string }[];
  summary: string;
  texts: { met: string; notMet: string; meets: string; unmet: string; mismatch: string };
  error: string | null;
  repeatError: string | null;
}

/**
 * The password fields of a form. Without `problems` nothing was typed yet (the password is never
 * sent back), so the rules show no state; after a refused password the server's own evaluation
 * marks each rule, as the script would have.
 */
export function passwordFields(lang: UiLanguage, rules: PasswordRules, outcome: { error?: string | null; repeatError?: string | null; problems?: readonly string[] | null } = {}): PasswordFieldsView {
  const problems = outcome.problems ? new Set(outcome.problems) : null;
  const met = portalText(lang, 'password.met');
  const notMet = portalText(lang, 'password.notMet');
  const shown = policyRules(lang, rules.policy).map((rule) => {
    const state: RuleState = problems === null ? 'unknown' : problems.has(rule.code) ? 'unmet' : 'met';
    return { ...rule, state, mark: state === 'unknown' ? '•' : state === 'met' ? '✓' : '✗', stateText: state === 'unknown' ? '' : ` (${state === 'met' ? met : notMet})` };
  });
  const unmet = shown.filter((r) => r.state === 'unmet').length;
  return {
    config: JSON.stringify(rules),
    rules: shown,
    summary: problems === null ? '' : unmet === 0 ? portalText(lang, 'password.meetsPolicy') : portalText(lang, 'password.unmet', { count: unmet }),
    texts: { met, notMet, meets: portalText(lang, 'password.meetsPolicy'), unmet: portalText(lang, 'password.unmet', { count: '{count}' }), mismatch: portalText(lang, 'password.mismatch') },
    error: outcome.error ?? null,
    repeatError: outcome.repeatError ?? null,
  };
}

/**
 * What the page itself finds wrong with the new password typed twice, before anything goes to
 * the core: a missing one, or two that differ. Null when both are there and equal.
 */
export function typedPasswordErrors(lang: UiLanguage, password: string, repeat: string): FormErrors | null {
  const fields: FormErrors['fields'] = {};
  if (password === '') fields.password = portalText(lang, 'field.required');
  if (repeat === '') fields.password2 = portalText(lang, 'field.required');
  else if (repeat !== password) fields.password2 = portalText(lang, 'password.mismatch');
  return Object.keys(fields).length === 0 ? null : { status: 400, top: portalText(lang, 'error.validation'), help: null, fields, problems: null };
}

/** The fields a password form may name in its errors. */
export type FormField = 'code' | 'password' | 'password2' | 'currentPassword' | 'username';

/** What a refused form shows: a summary at the top (role=alert), texts next to fields, the policy's failures. */
export interface FormErrors {
  status: number;
  top: string;
  /** A second line under the top text (what to do now). */
  help: string | null;
  fields: Partial<Record<FormField, string>>;
  problems: string[] | null;
}

function fieldProblem(lang: UiLanguage, field: string, code: string, kit: PortalKit, max?: number): string {
  if (code === 'required') return portalText(lang, 'field.required');
  if (field === 'code') return portalText(lang, 'activate.codeShape');
  if (field === 'currentPassword') return portalText(lang, 'password.currentWrong');
  if (field === 'password' && code === 'weak_password') return portalText(lang, 'password.weak');
  if (field === 'password' && code === 'control_character') return portalText(lang, 'password.control');
  if (field === 'password' && code === 'invalid_value') return portalText(lang, 'password.same');
  return kit.fieldText(lang, max === undefined ? { code: code as never } : { code: code as never, max });
}

/**
 * A core refusal as the form shows it, or null for anything a form does not answer (the
 * portal's error page does). On a link's form every bad link, state or code is one text: `invalid`.
 */
export function formErrorsOf(lang: UiLanguage, error: unknown, kit: PortalKit, invalid?: { text: PortalTextKey; help: PortalTextKey }): FormErrors | null {
  if (!(error instanceof AppError)) return null;
  const none = { fields: {}, problems: null, help: null };
  const badLink = (): FormErrors => ({ ...none, status: 400, top: portalText(lang, invalid?.text ?? 'error.validation'), help: invalid ? portalText(lang, invalid.help) : null });
  if (error.code === 'INVALID_TOKEN') return invalid ? badLink() : null;
  if (error.code === 'RATE_LIMITED') return { ...none, status: 429, top: kit.errorText(lang, error) };
  if (error.code !== 'VALIDATION') return null;
  const fields: FormErrors['fields'] = {};
  for (const [name, problem] of Object.entries(error.fields ?? {})) {
    if (name === 'code' || name === 'password' || name === 'currentPassword' || name === 'username') fields[name] = fieldProblem(lang, name, problem.code, kit, problem.max);
  }
  // A field the form does not have (a link's state): the link is what is wrong.
  if (Object.keys(fields).length === 0) return badLink();
  const problems = error.fields?.password?.code === 'weak_password' && typeof error.params?.problems === 'string' ? error.params.problems.split(',') : null;
  return { status: 400, top: portalText(lang, 'error.validation'), help: null, fields, problems };
}
