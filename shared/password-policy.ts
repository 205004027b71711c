import type { PasswordPolicy } from './api/password-policy';
import { isCommonPassword } from './common-passwords';

/** One unmet rule; the UI translates the code, the core refuses with it. */
export type PasswordProblem =
  | { code: 'too_short'; min: number }
  | { code: 'too_long'; max: number }
  | { code: 'needs_upper' }
  | { code: 'needs_lower' }
  | { code: 'needs_digit' }
  | { code: 'needs_symbol' }
  | { code: 'common' }
  | { code: 'contains_context' };

/** Words a password must not contain: the username, the email's local part, the organisation's name. */
export interface PasswordContext {
  username?: string | null;
  organisationNames?: readonly (string | null | undefined)[];
}

/**
 * Length counts Unicode code points after NFKC normalisation (NIST 800-63B), so
 * "é" typed either way and an emoji each count once. Nothing is truncated.
 */
export function passwordLength(password: string): number {
  return [...password.normalize('NFKC')].length;
}

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase('en');

/** Splits names and email local parts into words: any run of non-letters, non-digits separates. */
const WORD_SEPARATORS = /[^\p{L}\p{M}\p{N}]+/u;

/** Context words of at least 4 characters, counted in code points (shorter ones would ban too much). */
function contextWords(context: PasswordContext): string[] {
  const words = new Set<string>();
  const add = (value: string | null | undefined) => {
    if (!value) return;
    const folded = fold(value.trim());
    if ([...folded].length >= 4) words.add(folded);
  };
  if (context.username) {
    add(context.username);
    const local = context.username.split('@')[0] ?? '';
    add(local);
    for (const part of fold(local).split(WORD_SEPARATORS)) add(part);
  }
  for (const name of context.organisationNames ?? []) {
    add(name);
    for (const part of fold(name ?? '').split(WORD_SEPARATORS)) add(part);
  }
  return [...words];
}

/** Every rule the password breaks; an empty list means it is acceptable. */
export function evaluatePassword(password: string, policy: PasswordPolicy, context: PasswordContext = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  // Every rule looks at the NFKC form, as length does: "Ａ" (full-width) is an upper-case A,
  // "²" a 2, and "e" + combining acute is one letter "é", not a letter and a symbol.
  const normalised = password.normalize('NFKC');
  const length = [...normalised].length;
  if (length < policy.minLength) problems.push({ code: 'too_short', min: policy.minLength });
  if (length > policy.maxLength) problems.push({ code: 'too_long', max: policy.maxLength });
  if (policy.requireUpper && !/\p{Lu}/u.test(normalised)) problems.push({ code: 'needs_upper' });
  if (policy.requireLower && !/\p{Ll}/u.test(normalised)) problems.push({ code: 'needs_lower' });
  if (policy.requireDigit && !/\p{Nd}/u.test(normalised)) problems.push({ code: 'needs_digit' });
  if (policy.requireSymbol && !/[^\p{L}\p{M}\p{N}]/u.test(normalised)) problems.push({ code: 'needs_symbol' });
  const folded = fold(normalised);
  if (policy.blockCommon && isCommonPassword(folded)) problems.push({ code: 'common' });
  if (policy.blockContext && contextWords(context).some((w) => folded.includes(w))) problems.push({ code: 'contains_context' });
  return problems;
}
