import { POLICY_MAX_LENGTH_CEILING, POLICY_MAX_LENGTH_FLOOR, type PasswordPolicy } from '../../../../shared/api/password-policy';
import type { AnyFieldError } from '../../i18n/error-messages';

/** The policy as the form holds it: lengths as typed text, so a half-typed number is never lost. */
export interface PolicyFormValues extends Omit<PasswordPolicy, 'minLength' | 'maxLength'> {
  minLength: string;
  maxLength: string;
}

export const policyToForm = (p: PasswordPolicy): PolicyFormValues => ({ ...p, minLength: String(p.minLength), maxLength: String(p.maxLength) });

const MIN_LENGTH = { min: 6, max: 128 } as const;

function wholeNumber(text: string): number | null {
  return /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * Checks the form before anything is sent, with the contract's bounds; returns the
 * policy, or the field errors to show next to the fields.
 */
export function formToPolicy(v: PolicyFormValues): { policy: PasswordPolicy } | { errors: Record<string, AnyFieldError> } {
  const errors: Record<string, AnyFieldError> = {};
  const min = wholeNumber(v.minLength);
  const max = wholeNumber(v.maxLength);
  if (min === null) errors.minLength = { code: v.minLength.trim() === '' ? 'required' : 'invalid_type' };
  else if (min < MIN_LENGTH.min) errors.minLength = { code: 'too_small', min: MIN_LENGTH.min };
  else if (min > MIN_LENGTH.max) errors.minLength = { code: 'too_big', max: MIN_LENGTH.max };
  if (max === null) errors.maxLength = { code: v.maxLength.trim() === '' ? 'required' : 'invalid_type' };
  else if (max < POLICY_MAX_LENGTH_FLOOR) errors.maxLength = { code: 'too_small', min: POLICY_MAX_LENGTH_FLOOR };
  else if (max > POLICY_MAX_LENGTH_CEILING) errors.maxLength = { code: 'too_big', max: POLICY_MAX_LENGTH_CEILING };
  else if (min !== null && max < min) errors.maxLength = { code: 'too_small', min };
  if (Object.keys(errors).length > 0 || min === null || max === null) return { errors };
  return { policy: { ...v, minLength: min, maxLength: max } };
}
