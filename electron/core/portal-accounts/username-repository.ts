import type { Executor } from '../db/connection';
import { usernameKey } from './account-repository';

/** The accounts with these usernames (any case, by the unique username key), in the order asked; null where there is none. */
export async function findAccountsByUsername(db: Executor, usernames: readonly string[]): Promise<({ id: number; username: string } | null)[]> {
  const keys = usernames.map(usernameKey);
  const rows = await db.selectFrom('portal_account').select(['id', 'username', 'username_key']).where('username_key', 'in', keys).execute();
  const byKey = new Map(rows.map((r) => [r.username_key, { id: r.id, username: r.username }]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** The username of this account, if it exists. */
export async function findUsernameById(db: Executor, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('portal_account').select('username').where('id', '=', id).executeTakeFirst();
  return row?.username;
}
