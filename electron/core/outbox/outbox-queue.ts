import { randomUUID } from 'node:crypto';
import type { QueueMail } from './outbox-port';
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
    const at = now.toISOString();
    const row = await trx
      .insertInto('outbox_mail')
      .values({
        message_id: newMessageId(),
        kind: mail.kind,
        to_address: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        account_id: mail.accountId,
        status: 'queued',
        next_attempt_at: at,
        last_error: null,
        secret_enc: mail.secret ? box.encrypt(mail.secret.value) : null,
        secret_expires_at: mail.secret ? mail.secret.expiresAt : null,
        eml_written_at: null,
        created_at: at,
        sent_at: null,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
}
