import { useCallback, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { asAppError, type AnyFieldError } from '../i18n/error-messages';

/**
 * Form state for the edit screens: the values the user typed, the last error and its
 * field errors. Values are never reset on an error, so nothing typed is lost.
 */
export function useForm<V extends object>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, AnyFieldError>>({});

  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    // The user is fixing this field: stop showing its old problem.
    setFieldErrors((current) => {
      if (!(key in current)) return current;
      const next = { ...current };
      delete next[key as string];
      return next;
    });
  }, []);

  const fail = useCallback((thrown: unknown, local: Record<string, AnyFieldError> = {}) => {
    const appError = asAppError(thrown);
    setError(appError);
    setFieldErrors({ ...(appError.fields ?? {}), ...local });
  }, []);

  /** Client-side problems (e.g. passwords differ) shown like the core's field errors. */
  const failFields = useCallback((local: Record<string, AnyFieldError>) => {
    setError(null);
    setFieldErrors(local);
  }, []);

  const clearErrors = useCallback(() => {
    setError(null);
    setFieldErrors({});
  }, []);

  return { values, setValues, set, error, fieldErrors, fail, failFields, clearErrors };
}
