import type Mail from 'nodemailer/lib/mailer';
import { pooledTransport } from './mail-transport';
import type { SmtpConnection } from './smtp-settings';

/** Hands composed mails to an SMTP server. A refusal rejects with nodemailer's error (code, responseCode, response). */
export interface MailSender {
  send(message: Mail.Options): Promise<void>;
  close(): void;
}

/** Makes the sender for a connection; the worker makes a new one when the SMTP settings change. */
export type MailSenderFactory = (conn: SmtpConnection) => MailSender;

/** A nodemailer pool in this thread (tests, the CLI's `outbox send`). */
export const pooledSender: MailSenderFactory = (conn) => {
  const mailer = pooledTransport(conn);
  return {
    async send(message) {
      await mailer.sendMail(message);
    },
    close: () => mailer.close(),
  };
};
