import { randomUUID } from 'node:crypto';
import type { QueueMail } from './outbox-port';
import { insertQueuedMail } from './outbox-repository';
import type { SecretBox } from './secret-box';

/** The Message-ID a mail keeps for life: a resend after a crash is recognisable as the same mail. */
export function newMessageId(): string {
  return `<${randomUUID()}@portier.local>`;
}

/**
 * The outbox's QueueMail: inserts a queued row in the caller's transaction. The secret is
 * encrypted with the box before it touches the database; the bodies keep SECRET_MARKER.
 */
export function outboxQueue(box: SecretBox): QueueMail {
  return async (trx, mail, now) => {
    const secretEnc = mail.secret ? box.encrypt(mail.secret.value) : null;
    return insertQueuedMail(
      trx,
      { messageId: newMessageId(), kind: mail.kind, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, accountId: mail.accountId, secretEnc, secretExpiresAt: mail.secret?.expiresAt ?? null },
      now.toISOString(),
    );
  };
}
