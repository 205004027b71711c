import type { Executor } from '../db/connection';

/**
 * How the rest of the core puts a mail in the outbox (issue 4). The outbox module
 * implements queueMail; callers use it inside the transaction that causes the mail,
 * so the mail exists exactly when the change does.
 */
export interface QueuedMail {
  /** What the mail is about, for the outbox screen and the audit: 'activation', 'set-password', 'password-changed', 'welcome', 'test'. */
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  accountId: number | null;
  /**
   * A secret the mail carries (the raw activation or set-password token). The bodies hold
   * SECRET_MARKER where it goes; the outbox keeps the secret encrypted, puts it in at
   * send time, and scrubs it once the mail is sent or the secret has expired.
   */
  secret?: { value: string; expiresAt: string } | undefined;
}

/** Where a secret goes in a queued mail's subject or bodies. Never a valid URL character sequence on its own. */
export const SECRET_MARKER = '%%PORTIER-SECRET%%';

/** Queues a mail inside the caller's transaction; returns the outbox row id. */
export type QueueMail = (trx: Executor, mail: QueuedMail, now: Date) => Promise<number>;
