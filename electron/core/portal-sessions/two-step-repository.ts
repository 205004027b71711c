import type { Executor } from '../db/connection';

/** What two-step login needs of an account. */
export async function findTwoStepAccount(db: Executor, accountId: number) {
  return db
    .selectFrom('portal_account')
    .select(['id', 'username', 'language', 'password_hash as passwordHash', 'two_step_method as method', 'totp_secret as totpSecret', 'totp_last_step as totpLastStep', 'two_step_enabled_at as enabledAt'])
    .where('id', '=', accountId)
    .executeTakeFirst();
}

/** The mobile numbers of the persons the account is linked to, the default link's first. */
export async function findLinkedMobiles(db: Executor, accountId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('portal_account_link as l')
    .innerJoin('person as p', 'p.id', 'l.person_id')
    .select('p.mobile')
    .where('l.account_id', '=', accountId)
    .where('p.mobile', 'is not', null)
    .orderBy('l.is_default', 'desc')
    .orderBy('l.organisation_id')
    .execute();
  return rows.flatMap((r) => (r.mobile ? [r.mobile] : []));
}

/**
 * Takes a TOTP time step for the account, once: only a step later than the last one used
 * moves it (RFC 6238, section 5.2), so a code is never accepted twice, even by two requests at once.
 */
export async function claimTotpStep(db: Executor, accountId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('portal_account')
    .set({ totp_last_step: step })
    .where('id', '=', accountId)
    .where('two_step_method', '=', 'totp')
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Keeps a new authenticator secret (sealed) while the account has no method yet: it waits for its first code. */
export async function setPendingTotpSecret(db: Executor, accountId: number, sealed: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('portal_account')
    .set({ totp_secret: sealed, totp_last_step: null, updated_at: at })
    .where('id', '=', accountId)
    .where('two_step_method', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Switches the method on, from no method (a parallel confirmation finds it already on). */
export async function enableTwoStep(db: Executor, accountId: number, method: 'totp' | 'sms', totpStep: number | null, at: string): Promise<boolean> {
  const result = await db
    .updateTable('portal_account')
    .set({
      two_step_method: method,
      two_step_enabled_at: at,
      updated_at: at,
      ...(method === 'totp' ? { totp_last_step: totpStep } : { totp_secret: null, totp_last_step: null }),
    })
    .where('id', '=', accountId)
    .where('two_step_method', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function disableTwoStep(db: Executor, accountId: number, at: string): Promise<void> {
  await db
    .updateTable('portal_account')
    .set({ two_step_method: null, totp_secret: null, totp_last_step: null, two_step_enabled_at: null, updated_at: at })
    .where('id', '=', accountId)
    .execute();
  await db.deleteFrom('portal_recovery_code').where('account_id', '=', accountId).execute();
}

/** Replaces the account's recovery codes with these hashes. */
export async function replaceRecoveryCodes(db: Executor, accountId: number, hashes: readonly string[], at: string): Promise<void> {
  await db.deleteFrom('portal_recovery_code').where('account_id', '=', accountId).execute();
  await db
    .insertInto('portal_recovery_code')
    .values(hashes.map((code_hash) => ({ account_id: accountId, code_hash, created_at: at })))
    .execute();
}

/** Uses a recovery code, once: only an unused one with this hash is marked (a parallel request finds it used). */
export async function useRecoveryCode(db: Executor, accountId: number, codeHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('portal_recovery_code')
    .set({ used_at: at })
    .where('account_id', '=', accountId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Executor, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('portal_recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A new SMS code for the session; its older ones stop working (only the newest SMS counts). */
export async function insertSmsCode(db: Executor, sessionId: number, codeHash: string, at: string, expiresAt: string): Promise<void> {
  await db.updateTable('portal_two_step_code').set({ used_at: at }).where('session_id', '=', sessionId).where('used_at', 'is', null).execute();
  await db.insertInto('portal_two_step_code').values({ session_id: sessionId, code_hash: codeHash, expires_at: expiresAt, created_at: at }).execute();
}

/** The session's SMS code that may still be typed (unused, not expired), if any. */
export async function findLiveSmsCode(db: Executor, sessionId: number, now: string) {
  return db
    .selectFrom('portal_two_step_code')
    .select(['id', 'code_hash as codeHash', 'created_at as createdAt'])
    .where('session_id', '=', sessionId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** When the session's newest SMS code was sent (used or not), for the resend wait. */
export async function lastSmsCodeAt(db: Executor, sessionId: number): Promise<string | null> {
  const row = await db.selectFrom('portal_two_step_code').select('created_at').where('session_id', '=', sessionId).orderBy('id', 'desc').executeTakeFirst();
  return row?.created_at ?? null;
}

/** Uses an SMS code, once, while it lives. */
export async function useSmsCode(db: Executor, id: number, now: string): Promise<boolean> {
  const result = await db.updateTable('portal_two_step_code').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
