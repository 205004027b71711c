import type { Executor } from '../db/connection';
import { SECRET_MARKER } from './outbox-port';
import { newMessageId } from './outbox-queue';
import { insertQueuedMail } from './outbox-repository';
import type { SecretBox } from './secret-box';

/** A text message as the core queues it; `text` holds SECRET_MARKER where the secret (a code) goes. */
export interface QueuedSms {
  /** What it is about, for the outbox screen: 'two-step-code'. */
  kind: string;
  /** The phone number, as smsNumber() gives it. */
  to: string;
  text: string;
  accountId: number | null;
  /** The code the message carries: kept encrypted, put in at send time, scrubbed once sent or expired. */
  secret: { value: string; expiresAt: string };
}

/**
 * Queues a text message inside the caller's transaction, as a row of the outbox (channel 'sms'):
 * the same queue, leases, retries and secret handling as a mail. The subject is the text, for
 * the outbox list (which shows the code masked).
 */
export async function queueSms(trx: Executor, box: SecretBox, sms: QueuedSms, now: Date): Promise<number> {
  if (!sms.text.includes(SECRET_MARKER)) throw new Error('An SMS carries its code through the secret marker.');
  return insertQueuedMail(
    trx,
    {
      messageId: newMessageId(),
      kind: sms.kind,
      to: sms.to,
      subject: sms.text,
      html: '',
      text: sms.text,
      accountId: sms.accountId,
      secretEnc: box.encrypt(sms.secret.value),
      secretExpiresAt: sms.secret.expiresAt,
      channel: 'sms',
    },
    now.toISOString(),
  );
}

/**
 * A mobile number as the gateway gets it: spaces, dots, dashes and brackets dropped, a leading
 * 00 as +. Null when what is left is no phone number (E.164: at most 15 digits).
 */
export function smsNumber(mobile: string | null): string | null {
  if (!mobile) return null;
  const compact = mobile.replace(/[\s.()/-]/g, '').replace(/^00/, '+');
  return /^\+?[0-9]{6,15}$/.test(compact) ? compact : null;
}
