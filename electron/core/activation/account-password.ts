import { AppError } from '../../../shared/errors';
import { evaluatePassword } from '../../../shared/password-policy';
import type { Executor } from '../db/connection';
import { readPasswordPolicy } from '../password-policy/password-policy-service';

/** The password policy for this account (its username and organisation names are the context words); VALIDATION on the password field. */
export async function checkAccountPassword(db: Executor, accountId: number, password: string): Promise<void> {
  const account = await db.selectFrom('portal_account').select('username').where('id', '=', accountId).executeTakeFirst();
  if (!account) throw new AppError('NOT_FOUND', `Portal account ${accountId} does not exist.`, { fields: { id: { code: 'not_found' } } });
  const organisations = await db
    .selectFrom('portal_account_link as l')
    .innerJoin('organisation as o', 'o.id', 'l.organisation_id')
    .select('o.name')
    .where('l.account_id', '=', accountId)
    .execute();
  const problems = evaluatePassword(password, await readPasswordPolicy(db), { username: account.username, organisationNames: organisations.map((o) => o.name) });
  if (problems.length > 0) {
    throw new AppError('VALIDATION', `The password does not meet the password policy (${problems.map((p) => p.code).join(', ')}).`, {
      fields: { password: { code: 'weak_password' } },
      params: { problems: problems.map((p) => p.code).join(',') },
    });
  }
}
