import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/connection';
import type { QueuedMail, QueueMail } from './outbox-port';
import { insertQueuedMail, insertQueuedMails, type NewOutboxRow } from './outbox-repository';
import type { SecretBox } from './secret-box';

/** The Message-ID a mail keeps for life: a resend after a crash is recognisable as the same mail. */
export function newMessageId(): string {
  return `<${randomUUID()}@portier.local>`;
}

/** The row of a mail as it enters the outbox: a Message-ID of its own, the secret encrypted with the box. */
function rowOf(box: SecretBox, mail: QueuedMail): NewOutboxRow {
  const secretEnc = mail.secret ? box.encrypt(mail.secret.value) : null;
  return { messageId: newMessageId(), kind: mail.kind, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, accountId: mail.accountId, secretEnc, secretExpiresAt: mail.secret?.expiresAt ?? null };
}

/**
 * The outbox's QueueMail: inserts a queued row in the caller's transaction. The secret is
 * encrypted with the box before it touches the database; the bodies keep SECRET_MARKER.
 */
export function outboxQueue(box: SecretBox): QueueMail {
  return (trx, mail, now) => insertQueuedMail(trx, rowOf(box, mail), now.toISOString());
}

/** Like outboxQueue, for many mails in one statement (a bulk activation's batch), queued in their order. */
export function outboxQueueMany(box: SecretBox): (trx: Executor, mails: readonly QueuedMail[], now: Date) => Promise<void> {
  return (trx, mails, now) => insertQueuedMails(trx, mails.map((mail) => rowOf(box, mail)), now.toISOString());
}
