import { recordAuditBatch } from '../audit/audit-log';
import { contract, type ParsedInputOf } from '../../../shared/api';
import type { ImportOutcome, ImportRow } from '../../../shared/api/account-import';
import { ContactLanguage } from '../../../shared/api/common';
import { searchKey } from '../../../shared/text-key';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { refreshAccountIndex } from '../account-index/account-index-repository';
import {
  allRoleGroups,
  organisationsNamed,
  insertImportedAccounts,
  personsByEmails,
  personsByIds,
  takenUsernameKeys,
  type NewImportedAccount,
} from './account-import-repository';
import { usernameKey } from './account-repository';

type ImportInput = ParsedInputOf<'portal-accounts:import'>;
type Reason = NonNullable<ImportOutcome['reason']>;

/** Given no group, an account goes into the built-in "Standard" group. */
export const DEFAULT_IMPORT_GROUP = 'Standard';

/** A row that cannot be imported; thrown inside the row check, reported as the row's outcome. */
class RowRejected extends Error {
  constructor(readonly reason: Reason) {
    super(reason.code);
  }
}
const reject = (code: Reason['code'], params: Reason['params'] = {}): never => {
  throw new RowRejected({ code, params });
};
const isId = (ref: string) => /^\d{1,15}$/.test(ref);

/** Everything the rows refer to, read in a handful of bulk queries for the whole chunk. */
async function lookups(db: Executor, rows: readonly ImportRow[]) {
  const personIds = rows.filter((r) => isId(r.person)).map((r) => Number(r.person));
  const personEmails = rows.filter((r) => r.person && !isId(r.person)).map((r) => r.person);
  const organisationRefs = rows.map((r) => r.organisation).filter((ref) => ref);
  const [organisations, groups, personsById, personsByEmail, taken] = await Promise.all([
    organisationsNamed(db, organisationRefs.filter(isId).map(Number), [...new Set(organisationRefs.map(searchKey))]),
    allRoleGroups(db),
    personsByIds(db, personIds),
    personsByEmails(db, personEmails),
    takenUsernameKeys(db, rows.map((r) => r.email).filter((e) => e)),
  ]);
  const organisationsByKey = new Map<string, typeof organisations>();
  for (const o of organisations) organisationsByKey.set(o.name_key, [...(organisationsByKey.get(o.name_key) ?? []), o]);
  return {
    organisationById: new Map(organisations.map((o) => [o.id, o])),
    organisationsByKey,
    groupByName: new Map(groups.map((g) => [g.name.trim().toLowerCase(), g.id])),
    groupNames: groups.map((g) => g.name.trim().toLowerCase()),
    personById: new Map(personsById.map((p) => [p.id, p])),
    personsByEmail,
    taken,
  };
}
type Lookups = Awaited<ReturnType<typeof lookups>>;

const CreateInput = contract['portal-accounts:create'].input;

/** The account a row asks for, or a RowRejected with the first reason it cannot be (in the order the CLI always checked). */
function checkRow(row: ImportRow, known: Lookups): NewImportedAccount {
  if (!row.email) reject('email_empty');
  const ref = row.organisation;
  if (!ref) reject('no_organisation');
  let organisation = isId(ref) ? known.organisationById.get(Number(ref)) : undefined;
  if (!organisation) {
    const matches = known.organisationsByKey.get(searchKey(ref)) ?? [];
    if (matches.length > 1) reject('organisation_ambiguous', { organisation: ref, ids: matches.map((o) => o.id).join(', ') });
    organisation = matches[0] ?? reject('organisation_unknown', { organisation: ref });
  }
  let personId: number | null = null;
  if (row.person && isId(row.person)) {
    const person = known.personById.get(Number(row.person)) ?? reject('person_unknown_id', { person: row.person });
    if (person.organisation_id !== organisation.id) reject('person_elsewhere', { person: row.person, organisation: person.organisation_name });
    personId = person.id;
  } else if (row.person) {
    const email = row.person.toLowerCase();
    const matches = known.personsByEmail.filter((p) => p.organisation_id === organisation.id && p.email?.trim().toLowerCase() === email);
    if (matches.length > 1) reject('person_ambiguous', { person: row.person, ids: matches.map((p) => p.id).join(', ') });
    personId = (matches[0] ?? reject('person_unknown_email', { person: row.person })).id;
  }
  // ";" as the file format always said; "," too, because in a semicolon file "Client, Partner" is what people type.
  const names = row.groups.split(/[;,]/).map((g) => g.trim()).filter((g) => g);
  const wanted = names.length > 0 ? names : [DEFAULT_IMPORT_GROUP];
  const missing = wanted.filter((n) => !known.groupByName.has(n.toLowerCase()));
  if (missing.length > 0) reject('group_unknown', { groups: missing.map((m) => `"${m}"`).join(', '), known: known.groupNames.join(', ') });
  const roleGroupIds = [...new Set(wanted.map((n) => known.groupByName.get(n.toLowerCase()) as number))].sort((a, b) => a - b);
  const language = ContactLanguage.safeParse(row.language.toLowerCase() || 'default');
  if (!language.success) reject('language_unknown', { language: row.language, languages: ContactLanguage.options.join(', ') });
  const candidate = { username: row.email, nickname: row.nickname || null, language: row.language.toLowerCase() || 'default', links: [{ organisationId: organisation.id, personId, isDefault: true }], roleGroupIds };
  const parsed = CreateInput.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reject('invalid_value', { field: issue?.path.join('.') || 'row', message: issue?.message ?? 'invalid row' });
  }
  if (known.taken.has(usernameKey(row.email))) reject('account_exists', { email: row.email });
  const { username, nickname, language: chosen } = parsed.data;
  return { username, nickname, language: chosen, organisationId: organisation.id, personId, roleGroupIds };
}

/** Checks every row of the chunk: the accounts to create (with their rows) and the outcomes of rejected rows. */
async function checkRows(db: Executor, rows: readonly ImportRow[]) {
  const known = await lookups(db, rows);
  const accepted: { row: ImportRow; account: NewImportedAccount }[] = [];
  const rejected: ImportOutcome[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    try {
      // The file reader rejects an email seen earlier in the file; the core does not trust its callers.
      const earlier = seen.get(usernameKey(row.email));
      if (row.email && earlier !== undefined) reject('same_email', { line: earlier });
      if (row.email) seen.set(usernameKey(row.email), row.line);
      accepted.push({ row, account: checkRow(row, known) });
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      rejected.push({ line: row.line, email: row.email, outcome: 'rejected', accountId: null, reason: error.reason });
    }
  }
  return { accepted, rejected };
}

/**
 * Imports one chunk of a file's rows. Each row stands alone for the report (a bad row is
 * rejected with its reason, the good rows are created), but the work is done in bulk:
 * the chunk is checked with a few queries, then its good rows are written in one
 * transaction with multi-row INSERTs and one audit entry per account. The checks run
 * inside that transaction, so an account created meanwhile by someone else is reported
 * as existing rather than failing the chunk.
 */
export async function importAccounts(deps: CoreDeps, actor: Actor, input: ImportInput): Promise<ImportOutcome[]> {
  const byLine = (a: ImportOutcome, b: ImportOutcome) => a.line - b.line;
  if (input.dryRun) {
    const { accepted, rejected } = await checkRows(deps.db, input.rows);
    const created = accepted.map(({ row }): ImportOutcome => ({ line: row.line, email: row.email, outcome: 'created', accountId: null, reason: null }));
    return [...created, ...rejected].sort(byLine);
  }
  const at = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const { accepted, rejected } = await checkRows(trx, input.rows);
    const ids = await insertImportedAccounts(trx, accepted.map((a) => a.account), at);
    if (ids.length > 0) await refreshAccountIndex(trx, { accountIds: ids });
    await recordAuditBatch(
      trx,
      accepted.map(({ account }, i) => ({
        at,
        staffId: actor.id,
        entity: 'portal-account' as const,
        entityId: ids[i] as number,
        action: 'created' as const,
        label: account.username,
        // What accountAuditView shows of a new account, built from what was written rather than read back per account.
        after: {
          username: account.username,
          nickname: account.nickname,
          description: null,
          recoveryEmail: null,
          language: account.language,
          active: true,
          links: [{ organisationId: account.organisationId, personId: account.personId, isDefault: true }],
          roleGroupIds: account.roleGroupIds,
          passwordSet: false,
        },
      })),
    );
    const created = accepted.map(({ row }, i): ImportOutcome => ({ line: row.line, email: row.email, outcome: 'created', accountId: ids[i] as number, reason: null }));
    return [...created, ...rejected].sort(byLine);
  });
}
