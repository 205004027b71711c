import type { TFunction } from 'i18next';
import { AppError, isAppError, type FieldError, type FieldErrorCode } from '../../../shared/errors';

/** Field problems the renderer finds itself before sending (the contract has no "confirm password"). */
export type LocalFieldErrorCode = 'passwords_differ' | 'hours_format' | 'to_before_from' | 'whole_number';
export type AnyFieldError = FieldError | { code: LocalFieldErrorCode };

/** What may keep a record from being deleted, as the core counts them in IN_USE's params. */
const IN_USE_REFERRERS = ['accounts', 'persons', 'children'] as const;

/** The translated text for one field's problem, with its limits filled in. */
export function fieldErrorMessage(t: TFunction, error: AnyFieldError): string {
  const code: FieldErrorCode | LocalFieldErrorCode = error.code;
  // A template syntax error names its line and what is wrong there.
  if (error.code === 'invalid_template' && error.problem && error.line !== undefined) {
    return t(`fieldErrors.template_${error.problem}`, { line: error.line, name: error.name ?? '' });
  }
  const limits = 'min' in error || 'max' in error ? { min: (error as FieldError).min, max: (error as FieldError).max } : {};
  // Plural forms ("choose at least one") need a count.
  const count = code === 'too_few' ? { count: (error as FieldError).min ?? 1 } : {};
  return t(`fieldErrors.${code}`, { ...limits, ...count, defaultValue: t('fieldErrors.invalid_value') });
}

/** The translated text for an error from the core or the transport; never shows the English message of the core. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isAppError(error)) return t('errors.INTERNAL');
  const params = error.params ?? {};
  if (params.transport === 'key') return t('errors.bridgeKey');
  if (params.transport === 'network') return t('errors.network');
  if (error.code === 'RATE_LIMITED') return t('errors.RATE_LIMITED', { count: Number(params.seconds ?? 0) });
  if (error.code === 'IN_USE') {
    const refs = IN_USE_REFERRERS.filter((kind) => Number(params[kind] ?? 0) > 0).map((kind) => t(`errors.inUseRefs.${kind}`, { count: Number(params[kind]) }));
    if (refs.length > 0) return t('errors.IN_USE_refs', { refs: refs.join(', ') });
  }
  return t(`errors.${error.code}`, { defaultValue: t('errors.INTERNAL') });
}

/** Wraps anything thrown into an AppError so screens handle one kind of error. */
export function asAppError(error: unknown): AppError {
  return isAppError(error) ? error : new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
}
