import { useCallback, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { asAppError, type AnyFieldError } from '../i18n/error-messages';

/** Which record a form shows, and in which version: `id@updatedAt`, or 'new'. */
export function recordVersion(record: { id: number; updatedAt: string } | null | undefined): string {
  return record ? `${record.id}@${record.updatedAt}` : 'new';
}

/**
 * Form state for the edit screens: the values the user typed, the last error and its
 * field errors. Values are never reset on an error, so nothing typed is lost.
 *
 * `record` (see recordVersion) names the record the values come from: when it changes
 * (another id, or the same id in a newer version) the form starts again from `initial`,
 * so it never shows, and never saves, values of a record that is not the one it names now.
 */
export function useForm<V extends object>(initial: V, record?: string) {
  const [values, setValues] = useState<V>(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, AnyFieldError>>({});
  const [shown, setShown] = useState(record);
  if (record !== shown) {
    // Adjusting state while rendering (React's documented pattern): no frame shows the old values.
    setShown(record);
    setValues(initial);
    setError(null);
    setFieldErrors({});
  }

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
