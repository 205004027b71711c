import { AppError } from '../../../shared/errors';
import type { StaffMember } from '../../../shared/api/staff';
import { isoNow } from '../clock';
import type { CoreDeps } from '../context';
import { emailKey, findStaffByEmail, rowToStaffMember } from '../staff/staff-repository';
import { verifyAgainstDummy, verifyPassword } from './password-hash';

/** Failures allowed before the first lockout, and how the wait grows after it. */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 60 * 60;

/** 30 s after the 5th failure, doubling with every further failure, at most an hour. */
export function lockSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** (failures - FREE_ATTEMPTS));
}

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'The email address or password is not correct.');

/**
 * Checks a staff sign-in. Unknown email, wrong password and a deactivated user
 * all get the same answer; failures are counted per email, known or not.
 */
export async function signIn(deps: CoreDeps, email: string, password: string): Promise<StaffMember> {
  const key = emailKey(email);
  const now = deps.clock();
  const throttle = await deps.db.selectFrom('sign_in_failure').selectAll().where('email_key', '=', key).executeTakeFirst();
  if (throttle?.locked_until && new Date(throttle.locked_until) > now) {
    const seconds = Math.ceil((new Date(throttle.locked_until).getTime() - now.getTime()) / 1000);
    throw new AppError('RATE_LIMITED', `Too many failed attempts. Try again in ${seconds} seconds.`, { params: { seconds } });
  }
  const row = await findStaffByEmail(deps.db, key);
  const passwordOk = row ? await verifyPassword(row.password_hash, password) : await verifyAgainstDummy(password);
  if (!row || !passwordOk || row.active !== 1) {
    const failures = (throttle?.failures ?? 0) + 1;
    const wait = lockSeconds(failures);
    const lockedUntil = wait > 0 ? new Date(now.getTime() + wait * 1000).toISOString() : null;
    await deps.db
      .insertInto('sign_in_failure')
      .values({ email_key: key, failures, locked_until: lockedUntil, last_failure_at: now.toISOString() })
      .onConflict((oc) => oc.column('email_key').doUpdateSet({ failures, locked_until: lockedUntil, last_failure_at: now.toISOString() }))
      .execute();
    throw invalidCredentials();
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sign_in_failure').where('email_key', '=', key).execute();
    await trx.updateTable('staff').set({ last_sign_in_at: isoNow(deps.clock) }).where('id', '=', row.id).execute();
  });
  return rowToStaffMember({ ...row, last_sign_in_at: now.toISOString() });
}
