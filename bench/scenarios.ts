import type SQLite from 'better-sqlite3';
import type { InputOf } from '../shared/api';
import type { HandQuery, Prepared } from './hand-queries';

/** One list query the UI makes, as the contract's input and written by hand. */
export interface Scenario {
  name: string;
  input(sqlite: SQLite.Database): InputOf<'portal-accounts:list'>;
  hand(sqlite: SQLite.Database, now: string, limit: number): HandQuery;
}

const notLocked = '(a.locked_until IS NULL OR a.locked_until <= @now)';
/** The term as the core asks the trigram index for it: in the documents, not the stage column (migration 0024). */
const phrase = (key: string) => `document : "${key}"`;
const HITS = `(SELECT rowid FROM portal_account_search WHERE portal_account_search MATCH @phrase)`;
/** A rare term: its hits drive the query. */
const SEARCH = `a.id IN ${HITS}`;
/** A search alone: the total is its hits, counted up to the cap. */
const HIT_COUNT = `SELECT count(*) AS n FROM (SELECT 1 FROM portal_account_search WHERE portal_account_search MATCH @phrase LIMIT @cap)`;

/** The list counts up to this many (ACCOUNT_TOTAL_CAP). */
const CAP = 10_000;

/** Invitations whose stage in the index is not theirs at @now: what the core corrects a quick filter's hits for (none right after a sweep). */
const UNSWEPT = `
  SELECT a.id, 1 AS ran_out FROM portal_account a
  WHERE a.access_stage = 1 AND a.search_stage = 'inv' AND a.activation_expires_at <= @now AND instr(a.search_document, @key) > 0
  UNION ALL
  SELECT a.id, 0 AS ran_out FROM portal_account a
  WHERE a.access_stage = 1 AND a.search_stage = 'exp' AND a.activation_expires_at > @now AND instr(a.search_document, @key) > 0`;
const STAGED_HITS = `SELECT group_concat(rowid) AS list, count(*) AS n FROM (SELECT rowid FROM portal_account_search WHERE portal_account_search MATCH @query LIMIT @cap)`;

/**
 * The invited accounts whose documents hold `key`, as the core collects them: one index query
 * over the document and stage columns, corrected for invitations that ran out since the last sweep.
 */
const invitedHits =
  (now: string, key: string) =>
  (prepared: Prepared): { ids: string; total: number } => {
    const unswept = prepared(UNSWEPT).all({ now, key }) as { id: number; ran_out: number }[];
    const leaving = unswept.filter((r) => r.ran_out === 1).length;
    const joining = unswept.filter((r) => r.ran_out === 0).map((r) => r.id);
    const cap = CAP + 1 + leaving;
    const { list, n: found } = prepared(STAGED_HITS).get({ query: `${phrase(key)} AND stage : "inv"`, cap }) as { list: string | null; n: number };
    if (found >= cap) throw new Error('this hand-written plan expects every hit under the cap');
    return { ids: `[${[list ?? '', ...joining].filter((part) => part !== '').join(',')}]`, total: found - leaving + joining.length };
  };

/** An organisation with a typical number of accounts: the default organisation of the first account. */
const someOrganisation = (sqlite: SQLite.Database) =>
  (sqlite.prepare('SELECT organisation_id AS id FROM portal_account_link WHERE is_default = 1 ORDER BY account_id LIMIT 1').get() as { id: number }).id;

/** The username of the account in the middle of the list: one hit. */
const singleHit = (sqlite: SQLite.Database) =>
  (sqlite.prepare('SELECT username_key AS u FROM portal_account ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM portal_account)').get() as { u: string }).u;

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'default (username asc)',
    input: () => ({}),
    hand: (_s, now, limit) => ({ where: '', orderBy: 'a.username_key ASC', params: { now }, limit }),
  },
  {
    name: 'quick filter invited + search',
    input: () => ({ filter: 'invited', search: 'smit' }),
    // The index gives the invited hits (stage column, migration 0024); the username order is walked, each row tested against them.
    hand: (_s, now, limit) => ({
      where: `a.access_stage = 1 AND (a.activation_expires_at IS NULL OR a.activation_expires_at > @now) AND +a.id IN (SELECT value FROM json_each(@hits))`,
      orderBy: 'a.username_key ASC',
      params: { now },
      limit,
      hits: invitedHits(now, 'smit'),
    }),
  },
  {
    name: 'search "jansen", by person',
    input: () => ({ search: 'jansen', sort: 'person' }),
    // Searched on its own, a frequent term is tested against each row's stored document as the sort index is walked.
    hand: (_s, now, limit) => ({ where: `instr(a.search_document, 'jansen') > 0`, orderBy: 'a.person_sort COLLATE NOCASE ASC, a.id ASC', params: { now, phrase: phrase('jansen') }, limit, countSql: HIT_COUNT }),
  },
  {
    name: 'search with a single hit',
    input: (s) => ({ search: singleHit(s) }),
    hand: (s, now, limit) => ({ where: SEARCH, orderBy: 'a.username_key ASC', params: { now, phrase: phrase(singleHit(s)) }, limit, countSql: HIT_COUNT }),
  },
  {
    name: 'search with no hit',
    input: () => ({ search: 'zzqxw' }),
    hand: (_s, now, limit) => ({ where: SEARCH, orderBy: 'a.username_key ASC', params: { now, phrase: phrase('zzqxw') }, limit, countSql: HIT_COUNT }),
  },
  {
    name: 'sort by person',
    input: () => ({ sort: 'person' }),
    hand: (_s, now, limit) => ({ where: '', orderBy: 'a.person_sort COLLATE NOCASE ASC, a.id ASC', params: { now }, limit }),
  },
  {
    name: 'sort by last sign-in desc',
    input: () => ({ sort: 'lastSignInAt', direction: 'desc' }),
    hand: (_s, now, limit) => ({ where: '', orderBy: 'a.last_sign_in_at DESC, a.id DESC', params: { now }, limit }),
  },
  {
    name: 'status active',
    input: () => ({ status: 'active' }),
    hand: (_s, now, limit) => ({ where: `a.access_stage = 2 AND a.active = 1 AND ${notLocked}`, orderBy: 'a.username_key ASC', params: { now }, limit }),
  },
  {
    name: 'status deactivated',
    input: () => ({ status: 'deactivated' }),
    hand: (_s, now, limit) => ({ where: 'a.active = 0', orderBy: 'a.username_key ASC', params: { now }, limit }),
  },
  {
    name: 'status locked',
    input: () => ({ status: 'locked' }),
    hand: (_s, now, limit) => ({ where: 'a.active = 1 AND a.locked_until > @now', orderBy: 'a.username_key ASC', params: { now }, limit }),
  },
  {
    name: 'organisation filter',
    input: (s) => ({ organisationId: someOrganisation(s) }),
    hand: (s, now, limit) => ({
      where: 'a.id IN (SELECT account_id FROM portal_account_link WHERE organisation_id = @organisation)',
      orderBy: 'a.username_key ASC',
      params: { now, organisation: someOrganisation(s) },
      limit,
    }),
  },
];
