import { sql, type Kysely } from 'kysely';
import { searchKey } from '../../../../shared/text-key';
import type { Migration } from '../migration';

/**
 * The nickname folded like every other search key (shared/text-key.ts), which SQL cannot do
 * itself: the account search document held the nickname as typed, so "Bjorn" did not find
 * "Bjørn". Only accounts with a nickname get a new document (frozen copy of account-index.ts's SQL).
 */
export const migration0018: Migration = {
  version: 18,
  name: 'account-nickname-key',
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE portal_account ADD COLUMN nickname_key TEXT`.execute(db);
    const { rows } = await sql<{ id: number; nickname: string }>`SELECT id, nickname FROM portal_account WHERE nickname IS NOT NULL`.execute(db);
    for (const row of rows) await sql`UPDATE portal_account SET nickname_key = ${searchKey(row.nickname)} WHERE id = ${row.id}`.execute(db);
    const withNickname = sql`SELECT id FROM portal_account WHERE nickname IS NOT NULL`;
    await sql`DELETE FROM portal_account_search WHERE rowid IN (${withNickname})`.execute(db);
    await sql`
      INSERT INTO portal_account_search (rowid, document)
      SELECT a.id, concat_ws(' ', a.username_key, a.nickname_key,
        (SELECT group_concat(concat_ws(' ', o.name_key, p.search_key), ' ')
         FROM portal_account_link l JOIN organisation o ON o.id = l.organisation_id LEFT JOIN person p ON p.id = l.person_id
         WHERE l.account_id = a.id))
      FROM portal_account a WHERE a.nickname IS NOT NULL`.execute(db);
  },
  async upPostgres(db: Kysely<unknown>) {
    await sql`ALTER TABLE portal_account ADD COLUMN nickname_key text COLLATE "C"`.execute(db);
  },
};
