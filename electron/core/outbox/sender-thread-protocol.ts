import type Mail from 'nodemailer/lib/mailer';
import type { SmtpConnection } from './smtp-settings';

/** What the sender thread is started with. */
export interface SenderThreadData {
  conn: SmtpConnection;
}

export type SenderRequest = { kind: 'send'; id: number; message: Mail.Options } | { kind: 'close' };

/** nodemailer's error, reduced to what survives a thread boundary and what judgeSendError reads. */
export interface SentError {
  message: string;
  code?: string | number | undefined;
  responseCode?: string | number | undefined;
  response?: string | number | undefined;
  command?: string | number | undefined;
}

export type SenderReply = { id: number; ok: true } | { id: number; ok: false; error: SentError };
