import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { lockSeconds, FREE_ATTEMPTS } from '../../electron/core/auth/sign-in-throttle';
import { parseInput, toFieldErrors } from '../../electron/core/validation';
import { AppError } from '../../shared/errors';
import { Email, requiredText } from '../../shared/api/common';

const schema = z.strictObject({ name: requiredText(5), email: Email, age: z.number().int().max(130), tags: z.array(z.string().max(3)) });
const errorsFor = (input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected failure');
  return toFieldErrors(result.error, input);
};

describe('field errors from schema issues', () => {
  it('names the field and the kind of problem, with the limit the message needs', () => {
    expect(errorsFor({ name: '', email: 'x', age: 200, tags: ['long'], extra: 1 })).toEqual({
      name: { code: 'required' },
      email: { code: 'invalid_email' },
      age: { code: 'too_big', max: 130 },
      'tags.0': { code: 'too_long', max: 3 },
      extra: { code: 'unknown_field' },
    });
  });

  it('tells a missing field from a field of the wrong type', () => {
    expect(errorsFor({ name: 'abcdefg', age: '3', tags: [] })).toEqual({
      name: { code: 'too_long', max: 5 },
      email: { code: 'required' },
      age: { code: 'invalid_type' },
    });
  });

  it('trims before checking, so blanks are not a name', () => {
    expect(errorsFor({ name: '   ', email: 'a@b.nl', age: 1, tags: [] })).toEqual({ name: { code: 'required' } });
  });
});

describe('sign-in lockout', () => {
  it('allows the free attempts, then waits 30 s, doubling up to an hour', () => {
    expect(lockSeconds(FREE_ATTEMPTS - 1)).toBe(0);
    expect(lockSeconds(FREE_ATTEMPTS)).toBe(30);
    expect(lockSeconds(FREE_ATTEMPTS + 1)).toBe(60);
    expect(lockSeconds(FREE_ATTEMPTS + 3)).toBe(240);
    expect(lockSeconds(FREE_ATTEMPTS + 40)).toBe(3600);
  });
});

describe('a NUL character in any text', () => {
  const input = z.strictObject({ name: z.string(), links: z.array(z.strictObject({ note: z.string() })) });

  it('is refused next to its field, on either database (PostgreSQL text cannot hold it)', () => {
    let thrown: unknown;
    try {
      parseInput(input, { name: 'Brouwerij\u0000De Ster', links: [{ note: 'ok' }, { note: 'a\u0000' }] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('VALIDATION');
    expect((thrown as AppError).fields).toEqual({ name: { code: 'control_character' }, 'links.1.note': { code: 'control_character' } });
  });

  it('lets other control characters and accents through as typed', () => {
    expect(parseInput(input, { name: 'Ørsted\u0007 ß Ș', links: [] }).name).toBe('Ørsted\u0007 ß Ș');
  });
});
