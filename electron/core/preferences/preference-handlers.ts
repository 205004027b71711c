import { ACCOUNT_COLUMNS, AccountColumn, DEFAULT_ACCOUNT_COLUMNS, type preferencesApi } from '../../../shared/api/portal-accounts';
import { z } from 'zod';
import { actorOf, type Handlers } from '../context';
import type { Executor } from '../db/connection';
import { findPreference, writePreference } from './preference-repository';

const ACCOUNT_COLUMNS_KEY = 'account-columns';
const StoredColumns = z.array(AccountColumn).min(1);

/** The account-list columns this staff user chose; every column until they choose. */
async function readAccountColumns(db: Executor, staffId: number): Promise<AccountColumn[]> {
  const stored = await findPreference(db, staffId, ACCOUNT_COLUMNS_KEY);
  if (stored === undefined) return [...DEFAULT_ACCOUNT_COLUMNS];
  const parsed = StoredColumns.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : [...DEFAULT_ACCOUNT_COLUMNS];
}

/** Stores the chosen columns in the catalog's order, each once; the username always stays. */
async function writeAccountColumns(db: Executor, staffId: number, columns: readonly AccountColumn[]): Promise<AccountColumn[]> {
  const chosen = new Set<AccountColumn>([...columns, 'username']);
  const ordered = ACCOUNT_COLUMNS.filter((c) => chosen.has(c));
  await writePreference(db, staffId, ACCOUNT_COLUMNS_KEY, JSON.stringify(ordered));
  return ordered;
}

export const preferenceHandlers: Handlers<keyof typeof preferencesApi> = {
  'preferences:get-account-columns': (_input, ctx) => readAccountColumns(ctx.deps.db, actorOf(ctx).id),
  'preferences:set-account-columns': (input, ctx) => writeAccountColumns(ctx.deps.db, actorOf(ctx).id, input.columns),
};
