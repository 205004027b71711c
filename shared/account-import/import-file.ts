import type { ImportOutcome, ImportRow } from '../api/account-import';
import { CsvFileError } from '../csv/csv-file-error';
import { parseCsv } from '../csv/csv-records';

/** Header names the import understands (case-insensitive); person takes an id or an email. */
export const IMPORT_COLUMNS = ['email', 'organisation', 'person', 'groups', 'nickname', 'language'] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const ALIASES: Record<string, ImportColumn> = { person_email: 'person', person_id: 'person', group: 'groups', organization: 'organisation' };
const REQUIRED: readonly ImportColumn[] = ['email', 'organisation'];

/** A file read for import: the rows to send to the core, and rows refused already by the file itself. */
export interface ImportFile {
  rows: ImportRow[];
  rejected: ImportOutcome[];
}

function headerMap(header: readonly string[]): Map<ImportColumn, number> {
  const map = new Map<ImportColumn, number>();
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    const column = (IMPORT_COLUMNS as readonly string[]).includes(name) ? (name as ImportColumn) : ALIASES[name];
    if (!column) throw new CsvFileError('unknown_column', { column: raw.trim(), columns: IMPORT_COLUMNS.join(', ') });
    if (map.has(column)) throw new CsvFileError('column_twice', { column });
    map.set(column, index);
  });
  const missing = REQUIRED.filter((c) => !map.has(c));
  if (missing.length > 0) throw new CsvFileError('missing_columns', { columns: missing.join(', ') });
  return map;
}

const rejected = (line: number, email: string, reason: NonNullable<ImportOutcome['reason']>): ImportOutcome => ({
  line,
  email,
  outcome: 'rejected',
  accountId: null,
  reason,
});

/**
 * Reads the import file's text (already decoded) into rows. What only the whole file can
 * tell is decided here, once, for the CLI and the screen alike: a row with more fields
 * than the header, and an email that came earlier in the file (the core sees the file
 * in chunks, so it could not). Throws CsvFileError when the file as a whole is unusable.
 */
export function readImportFile(text: string): ImportFile {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new CsvFileError('empty');
  const columns = headerMap(header.fields);
  const seen = new Map<string, number>();
  const file: ImportFile = { rows: [], rejected: [] };
  for (const record of records) {
    const get = (c: ImportColumn) => {
      const index = columns.get(c);
      return index === undefined ? '' : (record.fields[index] ?? '').trim();
    };
    const email = get('email');
    if (record.fields.length > header.fields.length) {
      file.rejected.push(rejected(record.line, email, { code: 'too_many_fields', params: { fields: record.fields.length, header: header.fields.length } }));
      continue;
    }
    const key = email.toLowerCase();
    const earlier = seen.get(key);
    if (key && earlier !== undefined) {
      file.rejected.push(rejected(record.line, email, { code: 'same_email', params: { line: earlier } }));
      continue;
    }
    if (key) seen.set(key, record.line);
    file.rows.push({
      line: record.line,
      email,
      organisation: get('organisation'),
      person: get('person'),
      groups: get('groups'),
      nickname: get('nickname'),
      language: get('language'),
    });
  }
  return file;
}
