import type { Executor } from '../db/connection';
import type { AccountMail, AccountMails, MailLink } from './activation-ports';
import { findAccountContact } from './activation-repository';

/** A mail for mailAccount: the account is read for it. */
export type MailToAccount = { type: 'password-changed' | 'welcome' } | { type: 'activation' | 'set-password'; link: MailLink };

/** Queues one mail to one account in the caller's transaction, reading the account there. */
export async function mailAccount(mails: AccountMails, trx: Executor, accountId: number, mail: MailToAccount, now: Date): Promise<void> {
  const to = await findAccountContact(trx, accountId);
  if (!to) throw new Error(`Portal account ${accountId} does not exist.`);
  const full: AccountMail = 'link' in mail ? { type: mail.type, link: mail.link, to } : { type: mail.type, to };
  await (await mails.begin(trx)).queue(full, now);
}
