import type SQLite from 'better-sqlite3';
import type { InputOf } from '../shared/api';
import type { HandQuery } from './hand-queries';

/** One list query the UI makes, as the contract's input and written by hand. */
export interface Scenario {
  name: string;
  input(sqlite: SQLite.Database): InputOf<'portal-accounts:list'>;
  hand(sqlite: SQLite.Database, now: string, limit: number): HandQuery;
}

const notLocked = '(a.locked_until IS NULL OR a.locked_until <= @now)';
const HITS = `(SELECT rowid FROM portal_account_search WHERE portal_account_search MATCH @phrase)`;
/** A rare term: its hits drive the query. */
const SEARCH = `a.id IN ${HITS}`;
/** A frequent term: the sort index is walked and each row tested against the hits (the core's 'walk' plan). */
const SEARCH_WALK = `+a.id IN ${HITS}`;
/** A search alone: the total is its hits, counted up to the cap. */
const HIT_COUNT = `SELECT count(*) AS n FROM (SELECT 1 FROM portal_account_search WHERE portal_account_search MATCH @phrase LIMIT @cap)`;

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
    hand: (_s, now, limit) => ({
      where: `a.access_stage = 1 AND (a.activation_expires_at IS NULL OR a.activation_expires_at > @now) AND ${SEARCH_WALK}`,
      orderBy: 'a.username_key ASC',
      params: { now, phrase: '"smit"' },
      limit,
      countSql: `SELECT count(*) AS n FROM (SELECT 1 FROM portal_account a WHERE a.access_stage = 1 AND (a.activation_expires_at IS NULL OR a.activation_expires_at > @now) AND ${SEARCH_WALK} LIMIT @cap)`,
    }),
  },
  {
    name: 'search "jansen", by person',
    input: () => ({ search: 'jansen', sort: 'person' }),
    // Searched on its own, a frequent term is tested against each row's stored document as the sort index is walked.
    hand: (_s, now, limit) => ({ where: `instr(a.search_document, 'jansen') > 0`, orderBy: 'a.person_sort COLLATE NOCASE ASC, a.id ASC', params: { now, phrase: '"jansen"' }, limit, countSql: HIT_COUNT }),
  },
  {
    name: 'search with a single hit',
    input: (s) => ({ search: singleHit(s) }),
    hand: (s, now, limit) => ({ where: SEARCH, orderBy: 'a.username_key ASC', params: { now, phrase: `"${singleHit(s)}"` }, limit, countSql: HIT_COUNT }),
  },
  {
    name: 'search with no hit',
    input: () => ({ search: 'zzqxw' }),
    hand: (_s, now, limit) => ({ where: SEARCH, orderBy: 'a.username_key ASC', params: { now, phrase: '"zzqxw"' }, limit, countSql: HIT_COUNT }),
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
