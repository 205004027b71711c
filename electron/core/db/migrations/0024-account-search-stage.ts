import { sql, type Kysely } from 'kysely';
import type { Migration } from '../migration';

/*
 * A quick filter and a search together ("invited" + "smit") in one trigram-index query: the index
 * gets a second column, `stage`, with the account's quick-filter stage as a three-letter word
 * (trigrams need three characters): 'new' never invited, 'inv' invited, 'exp' invitation run
 * out, 'act' has access. `document : "smit" AND stage : "inv"` then merges two doclists inside
 * the index and gives the 7,501 accounts of 1M in ~4 ms, where probing each of the term's 50,000
 * hits in portal_account cost 34 ms (bench/account-list.bench.ts).
 *
 * Whether an invitation ran out depends on the clock, which neither a generated column nor a
 * trigger can read: lapsed_expiry records the activation_expires_at an invitation sweep
 * (account-index/invitation-sweep.ts) found past, and search_stage says 'exp' while the
 * expiry is still that one; a new invitation (a new expiry) is 'inv' again by itself. Between
 * sweeps some 'inv' have run out; the list corrects for them at query time from the index
 * on (search_stage, activation_expires_at), so counts and pages stay exact
 * (account-search-repository.ts). A trigger rewrites an account's index row whenever its stage
 * changes, in the statement that changes it; account-index-repository.ts writes it with the document.
 *
 * Measured at 1M accounts: about 9 s, most of it refilling the index.
 */
export const migration0024: Migration = {
  version: 24,
  name: 'account-search-stage',
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE portal_account ADD COLUMN lapsed_expiry TEXT`.execute(db);
    await sql`
      ALTER TABLE portal_account ADD COLUMN search_stage TEXT GENERATED ALWAYS AS (
        CASE access_stage WHEN 0 THEN 'new' WHEN 2 THEN 'act'
          ELSE CASE WHEN lapsed_expiry = activation_expires_at THEN 'exp' ELSE 'inv' END END) VIRTUAL`.execute(db);
    // The first sweep, here: invitations that have run out by now are 'exp' from the start.
    await sql`
      UPDATE portal_account SET lapsed_expiry = activation_expires_at
      WHERE access_stage = 1 AND activation_expires_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`.execute(db);
    // What a sweep has to do, and what the list corrects for, are index ranges of this one.
    await sql`
      CREATE INDEX portal_account_search_stage_expires ON portal_account (search_stage, activation_expires_at)
      WHERE access_stage = 1`.execute(db);

    await sql`DROP TABLE portal_account_search`.execute(db);
    await sql`
      CREATE VIRTUAL TABLE portal_account_search USING fts5(
        document, stage, tokenize = 'trigram remove_diacritics 1', content = '', contentless_delete = 1)`.execute(db);
    await sql`INSERT INTO portal_account_search (rowid, document, stage) SELECT id, search_document, search_stage FROM portal_account`.execute(db);
    // A contentless index cannot update one column: the row is written anew, from the document the account keeps.
    await sql`
      CREATE TRIGGER portal_account_search_stage AFTER UPDATE OF activated_at, password_hash, activation_sent_at, activation_expires_at, lapsed_expiry
      ON portal_account WHEN old.search_stage IS NOT new.search_stage
      BEGIN
        DELETE FROM portal_account_search WHERE rowid = new.id;
        INSERT INTO portal_account_search (rowid, document, stage) VALUES (new.id, new.search_document, new.search_stage);
      END`.execute(db);
  },
  /**
   * PostgreSQL: search_stage is STORED and spells access_stage out (a generated column may not
   * read another); no FTS5 table to refill and no trigger to rewrite its row: the pg_trgm index
   * on the document (0019) and this index serve a quick filter with a search. The first sweep
   * has nothing to do on an empty database.
   */
  async upPostgres(db: Kysely<unknown>) {
    await sql`ALTER TABLE portal_account ADD COLUMN lapsed_expiry text`.execute(db);
    await sql`
      ALTER TABLE portal_account ADD COLUMN search_stage text COLLATE "C" GENERATED ALWAYS AS (
        CASE WHEN activated_at IS NOT NULL OR password_hash IS NOT NULL THEN 'act'
             WHEN activation_sent_at IS NOT NULL THEN
               CASE WHEN lapsed_expiry = activation_expires_at THEN 'exp' ELSE 'inv' END
             ELSE 'new' END) STORED`.execute(db);
    await sql`
      CREATE INDEX portal_account_search_stage_expires ON portal_account (search_stage, activation_expires_at)
      WHERE access_stage = 1`.execute(db);
  },
};
