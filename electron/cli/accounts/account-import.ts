import { contract } from '../../../shared/api';
import { ContactLanguage } from '../../../shared/api/common';
import { isAppError } from '../../../shared/errors';
import type { SessionSlot } from '../../core/auth/session';
import type { PortierCore } from '../../core/portier-core';
import { CsvFileError } from '../../../shared/csv/csv-file-error';
import { parseCsv } from '../../../shared/csv/csv-records';
import { DEFAULT_GROUP, ReferenceResolver } from './resolve';

/** Header names the import understands (case-insensitive); person takes an id or an email. */
export const IMPORT_COLUMNS = ['email', 'organisation', 'person', 'groups', 'nickname', 'language'] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const ALIASES: Record<string, ImportColumn> = { person_email: 'person', person_id: 'person', group: 'groups', organization: 'organisation' };
const REQUIRED: readonly ImportColumn[] = ['email', 'organisation'];

export type RowOutcome = { line: number; email: string; outcome: 'created'; accountId: number } | { line: number; email: string; outcome: 'rejected'; reason: string };

/** The file itself is unusable (no header, unknown or missing columns, broken quoting): nothing is imported. */
export class ImportFileError extends Error {}

type CreateInput = (typeof contract)['portal-accounts:create']['input'];

function headerMap(header: readonly string[]): Map<ImportColumn, number> {
  const map = new Map<ImportColumn, number>();
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    const column = (IMPORT_COLUMNS as readonly string[]).includes(name) ? (name as ImportColumn) : ALIASES[name];
    if (!column) throw new ImportFileError(`line 1: unknown column "${raw.trim()}"; the columns are ${IMPORT_COLUMNS.join(', ')}`);
    if (map.has(column)) throw new ImportFileError(`line 1: column "${column}" appears twice`);
    map.set(column, index);
  });
  const missing = REQUIRED.filter((c) => !map.has(c));
  if (missing.length > 0) throw new ImportFileError(`line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return map;
}

/** Turns one row into the create input, or throws an Error whose message is the reason to reject it. */
async function rowInput(get: (c: ImportColumn) => string, resolve: ReferenceResolver, core: PortierCore, session: SessionSlot) {
  const email = get('email');
  if (!email) throw new Error('email is empty');
  const organisation = await resolve.organisation(get('organisation'));
  const personRef = get('person');
  const personId = personRef ? await resolve.person(personRef, organisation.id) : null;
  const groupNames = get('groups')
    .split(';')
    .map((g) => g.trim())
    .filter((g) => g);
  const roleGroupIds = await resolve.groupIds(groupNames.length > 0 ? groupNames : [DEFAULT_GROUP]);
  const language = ContactLanguage.safeParse(get('language').toLowerCase() || 'default');
  if (!language.success) throw new Error(`language "${get('language')}" is not one of ${ContactLanguage.options.join(', ')}`);
  const candidate = { username: email, nickname: get('nickname') || null, language: language.data, links: [{ organisationId: organisation.id, personId, isDefault: true }], roleGroupIds };
  const parsed = (contract['portal-accounts:create'].input as CreateInput).safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(issue ? `${issue.path.join('.') || 'row'}: ${issue.message}` : 'invalid row');
  }
  const existing = await core.call(session, 'portal-accounts:list', { search: email.slice(0, 200), limit: 500 });
  if (existing.rows.some((r) => r.username.toLowerCase() === email.toLowerCase())) throw new Error(`a portal account ${email} already exists`);
  return candidate;
}

/**
 * Imports portal accounts from CSV text. Policy: each row stands alone. Good rows are
 * created (each in its own transaction, through the same channel as the app); bad rows
 * are rejected with their line and reason, and the rest still go in. With dryRun
 * nothing is created: every row is checked and reported as it would be.
 */
export async function importAccounts(core: PortierCore, session: SessionSlot, text: string, options: { dryRun?: boolean } = {}): Promise<RowOutcome[]> {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvFileError) throw new ImportFileError(error.message);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new ImportFileError('the file is empty; it needs a header row');
  const columns = headerMap(header.fields);
  const resolve = new ReferenceResolver(core, session);
  const seen = new Map<string, number>();
  const outcomes: RowOutcome[] = [];
  for (const row of rows) {
    const get = (c: ImportColumn) => {
      const index = columns.get(c);
      return index === undefined ? '' : (row.fields[index] ?? '').trim();
    };
    const email = get('email');
    try {
      if (row.fields.length > header.fields.length) throw new Error(`${row.fields.length} fields, the header has ${header.fields.length}`);
      const key = email.toLowerCase();
      const earlier = seen.get(key);
      if (key && earlier !== undefined) throw new Error(`same email as line ${earlier}`);
      if (key) seen.set(key, row.line);
      const input = await rowInput(get, resolve, core, session);
      if (options.dryRun) {
        outcomes.push({ line: row.line, email, outcome: 'created', accountId: 0 });
        continue;
      }
      const account = await core.call(session, 'portal-accounts:create', input);
      outcomes.push({ line: row.line, email, outcome: 'created', accountId: account.id });
    } catch (error) {
      if (!(error instanceof Error) || (!isAppError(error) && error.constructor !== Error)) throw error;
      outcomes.push({ line: row.line, email, outcome: 'rejected', reason: error.message });
    }
  }
  return outcomes;
}
