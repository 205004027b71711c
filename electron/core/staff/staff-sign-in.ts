import { AppError } from '../../../shared/errors';
import { verifyAgainstDummy, verifyPassword } from '../auth/password-hash';
import { beginSignInAttempt } from '../auth/sign-in-throttle';
import { isoNow } from '../clock';
import type { CoreDeps } from '../context';
import { emailKey, findStaffByEmail, updateStaff, type StaffRow } from './staff-repository';

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'The email address or password is not correct.');

/**
 * Checks a staff sign-in. Unknown email, wrong password and a deactivated user
 * all get the same answer; failures are counted per email, known or not, before
 * the password is checked (see beginSignInAttempt).
 */
export async function signIn(deps: CoreDeps, email: string, password: string): Promise<StaffRow> {
  const key = emailKey(email);
  const attempt = await beginSignInAttempt(deps, key);
  const row = await findStaffByEmail(deps.db, key);
  const passwordOk = row ? await verifyPassword(row.password_hash, password) : await verifyAgainstDummy(password);
  if (!row || !passwordOk || row.active !== 1) throw invalidCredentials();
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    await attempt.succeeded(trx);
    await updateStaff(trx, row.id, { last_sign_in_at: now });
  });
  return { ...row, last_sign_in_at: now };
}
