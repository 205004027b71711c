import type { z } from 'zod';
import { AppError, type FieldError } from '../../shared/errors';

/** Turns zod issues into per-field error codes the renderer translates. */
export function toFieldErrors(error: z.ZodError): Record<string, FieldError> {
  const fields: Record<string, FieldError> = {};
  const put = (path: string, value: FieldError) => {
    if (!(path in fields)) fields[path] = value;
  };
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    switch (issue.code) {
      case 'invalid_type':
        put(path, { code: issue.input === undefined ? 'required' : 'invalid_type' });
        break;
      case 'too_big':
        put(path, { code: issue.origin === 'string' ? 'too_long' : 'too_big', max: Number(issue.maximum) });
        break;
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) === 1) put(path, { code: 'required' });
        else put(path, { code: issue.origin === 'string' ? 'too_short' : 'too_small', min: Number(issue.minimum) });
        break;
      case 'invalid_format':
        put(path, { code: issue.format === 'email' ? 'invalid_email' : 'invalid_format' });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) put([...issue.path.map(String), key].join('.'), { code: 'unknown_field' });
        break;
      default:
        put(path, { code: 'invalid_value' });
    }
  }
  return fields;
}

export function validationError(error: z.ZodError): AppError {
  const fields = toFieldErrors(error);
  return new AppError('VALIDATION', `Invalid input: ${Object.keys(fields).join(', ')}`, { fields });
}

/** Parses with a schema or throws a VALIDATION AppError with field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
