import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the server received it. */
export interface ReceivedMail {
  to: string[];
  raw: string;
  /** The raw mail with quoted-printable undone (soft line breaks and =XX), to search for links. */
  body: string;
  messageId: string | null;
}

/** Undoes quoted-printable well enough to find a link or token in a mail (ASCII content). */
export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** An SMTP reply with a code, as smtp-server sends it back to the client. */
export function smtpReply(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

export interface SmtpSinkOptions {
  /** Answer a recipient: null accepts, an smtpReply(...) refuses. */
  onRcpt?: (address: string) => Error | null;
  /** Require this login (plain AUTH over the loopback). */
  auth?: { user: string; pass: string };
  /** Offer AUTH without requiring it, logging every try: a server that would gladly take a password. */
  offerAuth?: boolean;
}

export interface SmtpSink {
  port: number;
  mails: ReceivedMail[];
  /** Logins tried: user and password, to prove the stored password is used. */
  logins: { user: string; pass: string }[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 and a free port, keeping every mail it accepts. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const logins: { user: string; pass: string }[] = [];
  const server = new SMTPServer({
    disabledCommands: options.auth || options.offerAuth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username ?? '', pass: auth.password ?? '' });
      const ok = options.auth && auth.username === options.auth.user && auth.password === options.auth.pass;
      callback(ok ? null : smtpReply(535, 'Authentication failed'), ok ? { user: auth.username } : undefined);
    },
    onRcptTo(address, _session, callback) {
      callback(options.onRcpt?.(address.address) ?? null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? null;
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, body: decodeQuotedPrintable(raw), messageId });
        callback(null);
      });
    },
  });
  // A client that dies mid-mail (the crash test kills one) resets its connection: a real
  // server logs that and goes on, and so does this one.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
