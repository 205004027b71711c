import type { OutputOf } from '../../../shared/api';
import { Email } from '../../../shared/api/common';
import { findPersonContacts } from '../contacts/person-repository';
import type { Actor, CoreDeps } from '../context';
import { checkRoleGroups } from './account-links';
import { findAccountIdByUsername, usernameKey } from './account-repository';
import { insertAccount } from './account-service';

type Report = OutputOf<'portal-accounts:create-for-persons'>;

/**
 * "Create portal accounts" for many persons at once: username = the person's email,
 * linked to the person's organisation and the person. Persons without a usable email,
 * or whose email already has an account (or came earlier in this batch), are skipped
 * and reported; the rest are created in one transaction.
 */
export async function createAccountsForPersons(deps: CoreDeps, actor: Actor, personIds: readonly number[], roleGroupIds: readonly number[]): Promise<Report> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await checkRoleGroups(trx, roleGroupIds);
    const unique = [...new Set(personIds)];
    const persons = await findPersonContacts(trx, unique);
    const byId = new Map(persons.map((p) => [p.id, p]));
    const seen = new Set<string>();
    const report: Report = [];
    for (const personId of unique) {
      const person = byId.get(personId);
      const email = person?.email?.trim() ?? '';
      if (!person || email === '') {
        report.push({ personId, outcome: 'skipped_no_email', accountId: null });
        continue;
      }
      const parsed = Email.safeParse(email);
      if (!parsed.success) {
        report.push({ personId, outcome: 'skipped_invalid_email', accountId: null });
        continue;
      }
      const key = usernameKey(parsed.data);
      if (seen.has(key) || (await findAccountIdByUsername(trx, parsed.data)) !== undefined) {
        report.push({ personId, outcome: 'skipped_duplicate', accountId: null });
        continue;
      }
      seen.add(key);
      const accountId = await insertAccount(
        trx,
        actor,
        now,
        {
          username: parsed.data,
          nickname: null,
          description: null,
          recoveryEmail: null,
          language: 'default',
          active: true,
          links: [{ organisationId: person.organisation_id, personId: person.id, isDefault: true }],
          roleGroupIds: [...roleGroupIds],
        },
        null,
      );
      report.push({ personId, outcome: 'created', accountId });
    }
    return report;
  });
}
