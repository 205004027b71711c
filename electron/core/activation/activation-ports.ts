import type { TicketStatus } from '../../../shared/api/tickets';
import type { Executor } from '../db/connection';
import type { AccountContact } from './activation-repository';

// The steps of the activation and password use cases that reach outside the account: the
// mails to the customer and the activation letter. The services take them from CoreDeps and
// run them themselves, in their own transaction, so no caller can leave one out;
// activation-adapters.ts builds the real ones (outbox, documents).

/** What an activation hands out once: the raw secrets go into the mail (link) and the letter (code), never into the database. */
export interface IssuedActivation {
  accountId: number;
  tokenId: number;
  token: string;
  code: string;
  expiresAt: string;
}

/** A link's raw token and its expiry; it travels encrypted beside the mail and is put in at send time. */
export interface MailLink {
  token: string;
  expiresAt: string;
}

/** A followed ticket's status change, for the status-change mail (the statuses are put in the recipient's language). */
export interface TicketStatusChange {
  number: number;
  title: string;
  from: TicketStatus;
  to: TicketStatus;
}

/** A mail to a portal account: the activation and set-password mails carry a link, the status-change mail its ticket, the others nothing. */
export type AccountMail =
  | { type: 'activation' | 'set-password'; to: AccountContact; link: MailLink }
  | { type: 'password-changed' | 'welcome'; to: AccountContact }
  | { type: 'ticket-status'; to: AccountContact; ticket: TicketStatusChange };

/** Queues mails to portal accounts in one transaction, each from its template in the account's language. */
export interface AccountMailQueue {
  queue(mail: AccountMail, now: Date): Promise<void>;
  /** Many mails at once (a bulk activation's batch): one write for all, queued in their order. */
  queueMany(mails: readonly AccountMail[], now: Date): Promise<void>;
}

/** The account mails port. */
export interface AccountMails {
  /** The mails of one action in its transaction: the settings and templates they share are read once. */
  begin(trx: Executor): Promise<AccountMailQueue>;
}

/** An issued activation's letter: to whom, with its code, made by whom (null: the system). */
export interface ActivationLetterInput {
  issued: IssuedActivation;
  to: AccountContact;
  staffId: number | null;
}

/** Stores activation letters as documents in one transaction. */
export interface ActivationLetterStore {
  /** The letters of a bulk activation's batch (or of one account): one write for all, stored in their order. */
  storeMany(letters: readonly ActivationLetterInput[], now: Date): Promise<void>;
}

/** The activation letters port. */
export interface ActivationLetters {
  /** The letters of one action in its transaction: the settings and template they share are read once. */
  begin(trx: Executor): Promise<ActivationLetterStore>;
}

/** The ports CoreDeps carries for activation and passwords. */
export interface ActivationPorts {
  accountMails: AccountMails;
  activationLetters: ActivationLetters;
}
