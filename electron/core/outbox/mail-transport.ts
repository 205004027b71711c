import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { SECRET_MARKER } from './outbox-port';
import type { OutboxRow } from './outbox-repository';
import type { SmtpConnection } from './smtp-settings';

/** Bounded waits: a hung server must not hold a claimed mail for nodemailer's default ten minutes. */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as const;

function connectionOptions(conn: SmtpConnection): SMTPTransport.Options {
  return {
    host: conn.host,
    port: conn.port,
    secure: conn.tls === 'tls',
    requireTLS: conn.tls === 'starttls',
    ignoreTLS: conn.tls === 'none',
    // No login without a password: a password removed because the server changed must not
    // still announce the user name to the new server (it asks for the password to be retyped).
    ...(conn.user && conn.password ? { auth: { user: conn.user, pass: conn.password } } : {}),
    ...TIMEOUTS,
  };
}

/**
 * The worker's pooled transport. maxRequeues: 0 (not in @types/nodemailer): a mail whose
 * connection broke is reported back instead of silently re-sent by the pool; the outbox decides.
 */
export function pooledTransport(conn: SmtpConnection): Mail<SMTPPool.SentMessageInfo> {
  const options: SMTPPool.Options & { maxRequeues: number } = { ...connectionOptions(conn), pool: true, maxRequeues: 0 };
  return nodemailer.createTransport(options);
}

/** A one-off connection, for "Send test mail". */
export function singleTransport(conn: SmtpConnection): Mail<SMTPTransport.SentMessageInfo> {
  return nodemailer.createTransport(connectionOptions(conn));
}

export function sender(conn: SmtpConnection): Mail.Address | string {
  return conn.senderName ? { name: conn.senderName, address: conn.senderAddress } : conn.senderAddress;
}

/** A row as a message, with the secret put in where the marker stands. */
export function composeMail(row: OutboxRow, secret: string | null, from: Mail.Address | string): Mail.Options {
  const fill = (s: string) => (secret === null ? s : s.split(SECRET_MARKER).join(secret));
  return { from, to: row.to_address, subject: fill(row.subject), html: fill(row.html), text: fill(row.text), messageId: row.message_id };
}

export function carriesMarker(row: OutboxRow): boolean {
  return [row.subject, row.html, row.text].some((s) => s.includes(SECRET_MARKER));
}

/** Without an SMTP server: the mail as DATA_DIR/outbox/<id>.eml (readable only by the user; the worker masks the link's token). */
export async function writeEml(dataDir: string, row: OutboxRow, message: Mail.Options): Promise<string> {
  const build = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await build.sendMail(message);
  if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer gave a stream where a buffer was asked for');
  const dir = path.join(dataDir, 'outbox');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${String(row.id).padStart(6, '0')}.eml`);
  fs.writeFileSync(file, info.message, { mode: 0o600 });
  return file;
}
