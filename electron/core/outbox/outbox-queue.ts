import { randomUUID } from 'node:crypto';
import { compiledOnce } from '../db/compiled-once';
import type { QueueMail } from './outbox-port';
import type { SecretBox } from './secret-box';

/** The Message-ID a mail keeps for life: a resend after a crash is recognisable as the same mail. */
export function newMessageId(): string {
  return `<${randomUUID()}@portier.local>`;
}

// Compiled once: a bulk activation queues thousands of mails.
const insertQueued = compiledOnce(
  (
    db,
    messageId: string,
    kind: string,
    to: string,
    subject: string,
    html: string,
    text: string,
    accountId: number | null,
    at: string,
    secretEnc: string | null,
    secretExpiresAt: string | null,
  ) =>
    db
      .insertInto('outbox_mail')
      .values({
        message_id: messageId,
        kind,
        to_address: to,
        subject,
        html,
        text,
        account_id: accountId,
        status: 'queued',
        next_attempt_at: at,
        last_error: null,
        secret_enc: secretEnc,
        secret_expires_at: secretExpiresAt,
        eml_written_at: null,
        created_at: at,
        sent_at: null,
        updated_at: at,
      })
      .returning('id'),
);

/**
 * The outbox's QueueMail: inserts a queued row in the caller's transaction. The secret is
 * encrypted with the box before it touches the database; the bodies keep SECRET_MARKER.
 */
export function outboxQueue(box: SecretBox): QueueMail {
  return async (trx, mail, now) => {
    const at = now.toISOString();
    const secretEnc = mail.secret ? box.encrypt(mail.secret.value) : null;
    const result = await insertQueued(trx, newMessageId(), mail.kind, mail.to, mail.subject, mail.html, mail.text, mail.accountId, at, secretEnc, mail.secret?.expiresAt ?? null);
    const row = result.rows[0];
    if (!row) throw new Error('The outbox row was not written.');
    return row.id;
  };
}
