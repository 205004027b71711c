import type { UiLanguage } from '../../../shared/api/common';
import { personDisplayName } from '../contacts/person-name';
import type { AccountContact } from './activation-repository';

/** Who a mail to an account goes to, and how to address them. */
export interface Recipient {
  accountId: number;
  to: string;
  name: string;
  organisation: string | null;
  language: UiLanguage;
}

/** The account's language, else its person's, else the default language. */
export function recipientOf(row: AccountContact, defaultLanguage: UiLanguage): Recipient {
  const language = row.language !== 'default' ? row.language : row.person_language && row.person_language !== 'default' ? row.person_language : defaultLanguage;
  return {
    accountId: row.id,
    to: row.username,
    name: row.nickname ?? personDisplayName(row.first_name, row.last_name) ?? row.username,
    organisation: row.organisation,
    language,
  };
}
