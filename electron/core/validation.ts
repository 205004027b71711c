import type { z } from 'zod';
import { AppError, type FieldError } from '../../shared/errors';

/** The value at an issue's path; zod 4 issues do not carry their input unless asked to. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns zod issues into per-field error codes the renderer translates. */
export function toFieldErrors(error: z.ZodError, input: unknown): Record<string, FieldError> {
  const fields: Record<string, FieldError> = {};
  const put = (path: string, value: FieldError) => {
    if (!(path in fields)) fields[path] = value;
  };
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    switch (issue.code) {
      case 'invalid_type':
        put(path, { code: valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type' });
        break;
      // Lists are chosen, not typed: "choose at least one", never "the value must be at least 1".
      case 'too_big':
        put(path, { code: issue.origin === 'string' ? 'too_long' : issue.origin === 'array' || issue.origin === 'set' ? 'too_many' : 'too_big', max: Number(issue.maximum) });
        break;
      case 'too_small':
        if (issue.origin === 'array' || issue.origin === 'set') put(path, { code: 'too_few', min: Number(issue.minimum) });
        else if (issue.origin === 'string' && Number(issue.minimum) === 1) put(path, { code: 'required' });
        else put(path, { code: issue.origin === 'string' ? 'too_short' : 'too_small', min: Number(issue.minimum) });
        break;
      case 'invalid_format':
        put(path, { code: issue.format === 'email' ? 'invalid_email' : 'invalid_format' });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) put([...issue.path.map(String), key].join('.'), { code: 'unknown_field' });
        break;
      case 'custom': {
        // A refinement names its own field error (with its limit) in params.fieldError.
        const own = (issue.params as { fieldError?: FieldError } | undefined)?.fieldError;
        put(path, own ?? { code: 'invalid_value' });
        break;
      }
      // None of a union's shapes fits (e.g. a right's holder: a person, or an account's link): the value is of the wrong kind.
      case 'invalid_union':
        put(path, { code: valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type' });
        break;
      default:
        put(path, { code: 'invalid_value' });
    }
  }
  return fields;
}

export function validationError(error: z.ZodError, input: unknown): AppError {
  const fields = toFieldErrors(error, input);
  return new AppError('VALIDATION', `Invalid input: ${Object.keys(fields).join(', ')}`, { fields });
}

/**
 * The paths of the strings in `value` that hold a NUL character. Nobody types one, and
 * PostgreSQL's text cannot hold it (SQLite's can): refused on both databases alike, next to
 * the field, rather than stored on one and failing on the other.
 */
function nulPaths(value: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path.join('.') || '_');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulPaths(item, [...path, String(i)], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulPaths(item, [...path, key], found);
  }
  return found;
}

/** Parses with a schema or throws a VALIDATION AppError with field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, input);
  const withNul = nulPaths(result.data);
  if (withNul.length > 0) {
    const fields = Object.fromEntries(withNul.map((path): [string, FieldError] => [path, { code: 'control_character' }]));
    throw new AppError('VALIDATION', `Invalid input: ${withNul.join(', ')}`, { fields });
  }
  return result.data;
}
