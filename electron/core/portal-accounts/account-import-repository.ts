import { nicknameKey } from '../account-index/account-index-repository';
import { sql } from 'kysely';
import type { Executor } from '../db/connection';
import { usernameKey } from './account-repository';
import { sqlFor } from '../db/dialect/of-database';

/**
 * The bulk reads and writes of an account import: one query per kind of thing for a
 * whole chunk of rows, never one per row. Multi-row INSERTs go in batches that stay
 * well below SQLite's limit of bound parameters.
 */
const BATCH = 400;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** The organisations a chunk names, by id or by name key (migration 0016's indexed, accent- and case-folded name). */
export async function organisationsNamed(db: Executor, ids: readonly number[], nameKeys: readonly string[]) {
  if (ids.length === 0 && nameKeys.length === 0) return [];
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'name_key'])
    .where(sql<boolean>`id IN (${sqlFor(db).integers(ids)}) OR name_key IN (${sqlFor(db).texts(nameKeys)})`)
    .execute();
}

export const allRoleGroups = (db: Executor) => db.selectFrom('role_group').select(['id', 'name']).orderBy('name').execute();

/** Persons by id, with the name of their organisation (a row naming a person of another organisation says which). */
export async function personsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('person as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.organisation_id', 'o.name as organisation_name'])
    .where(sqlFor(db).idsIn('p.id', ids))
    .execute();
}

/** Persons whose email is one of these (any case, as the person_email index compares). */
export async function personsByEmails(db: Executor, emails: readonly string[]) {
  if (emails.length === 0) return [];
  return db
    .selectFrom('person')
    .select(['id', 'organisation_id', 'email'])
    .where(sqlFor(db).caselessIn('email', emails))
    .execute();
}

/** Which of these usernames already have an account (as username keys). */
export async function takenUsernameKeys(db: Executor, usernames: readonly string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const keys = usernames.map(usernameKey);
  const rows = await db
    .selectFrom('portal_account')
    .select('username_key')
    .where(sql<boolean>`username_key IN (${sqlFor(db).texts(keys)})`)
    .execute();
  return new Set(rows.map((r) => r.username_key));
}

/** One account to create: no password, active, one default link, its groups. */
export interface NewImportedAccount {
  username: string;
  nickname: string | null;
  language: 'default' | 'en' | 'nl' | 'de';
  organisationId: number;
  personId: number | null;
  roleGroupIds: number[];
}

/** Inserts the accounts with their links and groups; answers their ids in the order given. Inside the caller's transaction. */
export async function insertImportedAccounts(trx: Executor, accounts: readonly NewImportedAccount[], at: string): Promise<number[]> {
  const idByKey = new Map<string, number>();
  for (const batch of batches(accounts)) {
    const rows = await trx
      .insertInto('portal_account')
      .values(
        batch.map((a) => ({
          username: a.username,
          username_key: usernameKey(a.username),
          nickname: a.nickname,
          nickname_key: nicknameKey(a.nickname),
          description: null,
          recovery_email: null,
          language: a.language,
          active: 1,
          password_hash: null,
          created_at: at,
          updated_at: at,
        })),
      )
      .returning(['id', 'username_key'])
      .execute();
    for (const r of rows) idByKey.set(r.username_key, r.id);
  }
  const ids = accounts.map((a) => idByKey.get(usernameKey(a.username)) as number);
  const links = accounts.map((a, i) => ({ account_id: ids[i] as number, organisation_id: a.organisationId, person_id: a.personId, is_default: 1 }));
  for (const batch of batches(links)) await trx.insertInto('portal_account_link').values(batch).execute();
  const groups = accounts.flatMap((a, i) => a.roleGroupIds.map((role_group_id) => ({ account_id: ids[i] as number, role_group_id })));
  for (const batch of batches(groups)) await trx.insertInto('portal_account_role_group').values(batch).execute();
  return ids;
}

