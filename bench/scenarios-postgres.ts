import type SQLite from 'better-sqlite3';
import { searchKey } from '../shared/text-key';
import type { PostgresHandQuery } from './hand-queries-postgres';
import { SCENARIOS } from './scenarios';

/*
 * The account list's scenarios (scenarios.ts: same names, same inputs, read from the SQLite file
 * the data was generated in) written by hand for PostgreSQL. A search is LIKE on the stored
 * document, which the pg_trgm GIN index answers; the planner chooses between it and the sort
 * index. Nulls sort low, as on SQLite (the core's nullsLow). Where the core takes its total
 * from the tallies, so does the hand-written query, in one statement. Flags are boolean on
 * PostgreSQL (migration 0033); the tallies count them under an integer key, 0 or 1.
 */

const notLocked = '(a.locked_until IS NULL OR a.locked_until <= @now)';
/** The document holds the term (a parameter, as the core binds it; \\ escapes LIKE's wildcards). */
const CONTAINS = `a.search_document LIKE @pattern ESCAPE '\\'`;
const pattern = (term: string) => `%${searchKey(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Accounts counted per stage and active flag (the tallies the triggers keep). */
const tally = (condition: string) => `(SELECT coalesce(sum(n), 0)::int FROM portal_account_tally WHERE ${condition})`;
const lockedNow = (condition: string) => `(SELECT count(*)::int FROM portal_account a WHERE a.locked_until > @now AND a.active AND ${condition})`;

const someOrganisation = (sqlite: SQLite.Database) =>
  (sqlite.prepare('SELECT organisation_id AS id FROM portal_account_link WHERE is_default = 1 ORDER BY account_id LIMIT 1').get() as { id: number }).id;
const singleHit = (sqlite: SQLite.Database) =>
  (sqlite.prepare('SELECT username_key AS u FROM portal_account ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM portal_account)').get() as { u: string }).u;

type Hand = (sqlite: SQLite.Database, now: string, limit: number) => PostgresHandQuery;

const BY_USERNAME = 'a.username_key ASC';

const HAND: Record<string, Hand> = {
  'default (username asc)': (_s, now, limit) => ({ where: '', orderBy: BY_USERNAME, params: { now }, limit, countSql: `SELECT ${tally('true')} AS n` }),
  'quick filter invited + search': (_s, now, limit) => ({
    where: `a.access_stage = 1 AND (a.activation_expires_at IS NULL OR a.activation_expires_at > @now) AND ${CONTAINS}`,
    orderBy: BY_USERNAME,
    params: { now, pattern: pattern('smit') },
    limit,
  }),
  'search "jansen", by person': (_s, now, limit) => ({ where: CONTAINS, orderBy: 'lower(a.person_sort) COLLATE "C" ASC NULLS FIRST, a.id ASC', params: { now, pattern: pattern('jansen') }, limit }),
  'search with a single hit': (s, now, limit) => ({ where: CONTAINS, orderBy: BY_USERNAME, params: { now, pattern: pattern(singleHit(s)) }, limit }),
  'search with no hit': (_s, now, limit) => ({ where: CONTAINS, orderBy: BY_USERNAME, params: { now, pattern: pattern('zzqxw') }, limit }),
  'sort by person': (_s, now, limit) => ({
    where: '',
    orderBy: 'lower(a.person_sort) COLLATE "C" ASC NULLS FIRST, a.id ASC',
    params: { now },
    limit,
    countSql: `SELECT ${tally('true')} AS n`,
  }),
  'sort by last sign-in desc': (_s, now, limit) => ({ where: '', orderBy: 'a.last_sign_in_at DESC NULLS LAST, a.id DESC', params: { now }, limit, countSql: `SELECT ${tally('true')} AS n` }),
  'status active': (_s, now, limit) => ({
    where: `a.access_stage = 2 AND a.active AND ${notLocked}`,
    orderBy: BY_USERNAME,
    params: { now },
    limit,
    countSql: `SELECT ${tally('access_stage = 2 AND active = 1')} - ${lockedNow('a.access_stage = 2')} AS n`,
  }),
  'status deactivated': (_s, now, limit) => ({ where: 'NOT a.active', orderBy: BY_USERNAME, params: { now }, limit, countSql: `SELECT ${tally('active = 0')} AS n` }),
  'status locked': (_s, now, limit) => ({ where: 'a.active AND a.locked_until > @now', orderBy: BY_USERNAME, params: { now }, limit, countSql: `SELECT ${lockedNow('true')} AS n` }),
  'organisation filter': (s, now, limit) => ({
    where: 'a.id IN (SELECT account_id FROM portal_account_link WHERE organisation_id = @organisation)',
    orderBy: BY_USERNAME,
    params: { now, organisation: someOrganisation(s) },
    limit,
  }),
};

/** The scenarios of scenarios.ts, each with its PostgreSQL hand-written query. */
export const POSTGRES_SCENARIOS = SCENARIOS.map((scenario) => {
  const hand = HAND[scenario.name];
  if (!hand) throw new Error(`scenario "${scenario.name}" has no hand-written query for PostgreSQL`);
  return { name: scenario.name, input: scenario.input, hand };
});
