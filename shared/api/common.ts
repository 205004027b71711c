import { z } from 'zod';

/** Database id of a row. */
export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Trimmed single-line text with a length limit; every string in the contract has one. */
export const text = (max: number) => z.string().trim().max(max);
/** Trimmed text that must not be empty. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: empty input is stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const Email = z.string().trim().max(254).pipe(z.email());
export const optionalEmail = z
  .string()
  .trim()
  .max(254)
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(z.email().nullable());

/** ISO 8601 UTC timestamp as stored in the database. */
export const Timestamp = z.string().max(40);

/** UI languages; "default" on a contact means: the application's default language. */
export const UI_LANGUAGES = ['en', 'nl', 'de'] as const;
export const UiLanguage = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguage>;
export const ContactLanguage = z.enum(['default', ...UI_LANGUAGES]);
export type ContactLanguage = z.infer<typeof ContactLanguage>;

export const SortDirection = z.enum(['asc', 'desc']);

// Control characters (C0 with NUL, DEL, C1) are never typed into a search box; a NUL even cuts the
// LIKE pattern short in SQLite, so a search for "a\0b" would match every row.
const CONTROL_CHARACTER = /\p{Cc}/u;

/** Search text of a list: trimmed, at most 200 characters, no control characters (field error control_character). */
export const searchText = z
  .string()
  .trim()
  .max(200)
  .refine((value) => !CONTROL_CHARACTER.test(value), {
    message: 'Search text may not contain control characters.',
    params: { fieldError: { code: 'control_character' } },
  })
  .default('');

/** Paging, sorting and search for a list; done in SQL. */
export const listQuery = <S extends readonly [string, ...string[]]>(sortFields: S) =>
  z.strictObject({
    search: searchText,
    sort: z.enum(sortFields).default(sortFields[0] as S[number] as never),
    direction: SortDirection.default('asc'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  });

/** One page of a list and the total number of matching rows. */
export const page = <T extends z.ZodType>(row: T) => z.strictObject({ rows: z.array(row), total: z.number().int() });

export const Empty = z.strictObject({});
export const ById = z.strictObject({ id: Id });
export const Nothing = z.null();
