import { AppError } from '../../../shared/errors';
import { evaluatePassword } from '../../../shared/password-policy';
import type { Executor } from '../db/connection';
import { readPasswordPolicy } from '../password-policy/password-policy-service';
import { findPasswordContext } from './activation-repository';

/** The password policy for this account (its username and organisation names are the context words); VALIDATION on the password field. */
export async function checkAccountPassword(db: Executor, accountId: number, password: string): Promise<void> {
  const context = await findPasswordContext(db, accountId);
  if (!context) throw new AppError('NOT_FOUND', `Portal account ${accountId} does not exist.`, { fields: { id: { code: 'not_found' } } });
  const problems = evaluatePassword(password, await readPasswordPolicy(db), context);
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `The password does not meet the password policy (${problems.map((p) => p.code).join(', ')}).`, {
      fields: { password: { code: 'weak_password' } },
      params: { problems: problems.map((p) => p.code).join(',') },
    });
  }
}
