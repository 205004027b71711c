import { z } from 'zod';
import { channel } from '../contract';
import { Id } from './common';

/** One data row of an import file, as the file says it (trimmed text); `line` is where it starts in the file. */
export const ImportRow = z.strictObject({
  line: z.number().int().min(2).max(100_000_000),
  email: z.string().max(1000),
  organisation: z.string().max(1000),
  person: z.string().max(1000),
  groups: z.string().max(2000),
  nickname: z.string().max(1000),
  language: z.string().max(100),
});
export type ImportRow = z.infer<typeof ImportRow>;

/**
 * Why a row is rejected, as English templates with {{placeholders}}: the CLI prints them,
 * the renderer has them in every language under the same codes.
 */
export const IMPORT_REJECTIONS = {
  too_many_fields: '{{fields}} fields, the header has {{header}}',
  same_email: 'same email as line {{line}}',
  email_empty: 'email is empty',
  no_organisation: 'no organisation given',
  organisation_unknown: 'no organisation "{{organisation}}"',
  organisation_ambiguous: 'organisation name "{{organisation}}" is ambiguous (ids {{ids}}); give the id',
  person_unknown_id: 'no person with id {{person}}',
  person_elsewhere: 'person {{person}} belongs to another organisation ({{organisation}})',
  person_unknown_email: 'no person with email {{person}} in this organisation',
  person_ambiguous: 'person email {{person}} is ambiguous in this organisation (ids {{ids}}); give the id',
  group_unknown: 'no role group {{groups}} (known: {{known}})',
  language_unknown: 'language "{{language}}" is not one of {{languages}}',
  invalid_value: '{{field}}: {{message}}',
  account_exists: 'a portal account {{email}} already exists',
} as const;
export type ImportRejection = keyof typeof IMPORT_REJECTIONS;
const REJECTION_CODES = Object.keys(IMPORT_REJECTIONS) as [ImportRejection, ...ImportRejection[]];

/** What became of one row: created (accountId null in a dry run) or rejected with a reason. */
export const ImportOutcome = z.strictObject({
  line: z.number().int(),
  email: z.string(),
  outcome: z.enum(['created', 'rejected']),
  accountId: Id.nullable(),
  reason: z.strictObject({ code: z.enum(REJECTION_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])) }).nullable(),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** Rows per request: a transaction of this size takes well under a second, so progress and Cancel stay lively. */
export const IMPORT_CHUNK_MAX = 5000;

export const accountImportApi = {
  /**
   * Imports portal accounts from rows of a file, each row standing alone: good rows are
   * created (one audit entry each, all in one transaction), bad rows rejected with a
   * reason. With dryRun nothing is written and the report is the same.
   */
  'portal-accounts:import': channel({
    access: 'grant',
    input: z.strictObject({ rows: z.array(ImportRow).min(1).max(IMPORT_CHUNK_MAX), dryRun: z.boolean().default(false) }),
    output: z.array(ImportOutcome),
    changes: ['portal-accounts', 'audit'],
  }),
} as const;
