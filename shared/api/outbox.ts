import { z } from 'zod';
import { channel } from '../contract';
import { Email, Empty, ById, Id, Timestamp, optionalText, requiredText, text } from './common';

/** How the SMTP connection is secured: STARTTLS after connecting, TLS from the start, or plain (loopback relays only). */
export const SmtpTls = z.enum(['starttls', 'tls', 'none']);
export type SmtpTls = z.infer<typeof SmtpTls>;

/** The SMTP settings as shown: the password never leaves the core, only whether one is stored. */
export const SmtpSettings = z.strictObject({
  configured: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  tls: SmtpTls,
  user: z.string().nullable(),
  passwordSet: z.boolean(),
  senderAddress: z.string(),
  senderName: z.string(),
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;

/** New SMTP settings; a missing password keeps the stored one only while host, port and TLS stay the same; an empty one removes it. */
export const SmtpSettingsUpdate = z.strictObject({
  host: requiredText(253),
  port: z.number().int().min(1).max(65535),
  tls: SmtpTls,
  user: optionalText(254),
  password: z.string().max(1024).optional(),
  senderAddress: Email,
  senderName: text(200).default(''),
});
export type SmtpSettingsUpdate = z.infer<typeof SmtpSettingsUpdate>;

/** The answer of a test mail: sent, or the server's (or network's) error as it was given. */
export const SmtpTestResult = z.strictObject({
  ok: z.boolean(),
  error: z.string().nullable(),
  responseCode: z.number().int().nullable(),
});

/** How an outbox row leaves: a mail over SMTP, or a text message through the SMS gateway (two-step codes). */
export const OutboxChannel = z.enum(['mail', 'sms']);
export type OutboxChannel = z.infer<typeof OutboxChannel>;

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
/** Where a mail is in its life: queued -> sending -> sent | failed; cancelled by staff. */
export const OutboxStatus = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** One outbox mail in the list; never its secret. */
export const OutboxMail = z.strictObject({
  id: Id,
  messageId: z.string(),
  kind: z.string(),
  /** Mail or SMS; for an SMS `to` is the phone number and `subject` the text (its code masked). */
  channel: OutboxChannel,
  to: z.string(),
  subject: z.string(),
  accountId: Id.nullable(),
  status: OutboxStatus,
  attempts: z.number().int(),
  nextAttemptAt: Timestamp,
  lastError: z.string().nullable(),
  /** Set when the mail was also written as an .eml file because no SMTP server is configured (an SMS: as a .sms.txt file, no gateway). */
  emlWrittenAt: Timestamp.nullable(),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});
export type OutboxMail = z.infer<typeof OutboxMail>;

/** A mail with its bodies for the preview; a secret shows as SECRET_MASK. */
export const OutboxMailDetail = OutboxMail.extend({ html: z.string(), text: z.string() });
export type OutboxMailDetail = z.infer<typeof OutboxMailDetail>;

/** What the preview shows where the mail carries a secret (a token). */
export const SECRET_MASK = '••••••';

export const OutboxListQuery = z.strictObject({
  status: OutboxStatus.optional(),
  accountId: Id.optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

/** A page of the outbox, and whether mail can go out at all (the banner when it cannot). */
export const OutboxPage = z.strictObject({
  rows: z.array(OutboxMail),
  total: z.number().int(),
  smtpConfigured: z.boolean(),
  /** Whether text messages can go out (an SMS gateway is set); without one they are kept as files. */
  smsGatewayConfigured: z.boolean(),
});

export const outboxApi = {
  'smtp:get': channel({ access: 'admin', input: Empty, output: SmtpSettings }),
  'smtp:update': channel({ access: 'admin', input: SmtpSettingsUpdate, output: SmtpSettings, changes: ['settings', 'outbox', 'audit'] }),
  'smtp:test': channel({ access: 'admin', input: z.strictObject({ to: Email }), output: SmtpTestResult }),
  'outbox:list': channel({ access: 'staff', input: OutboxListQuery, output: OutboxPage }),
  'outbox:get': channel({ access: 'staff', input: ById, output: OutboxMailDetail }),
  'outbox:retry': channel({ access: 'grant', input: ById, output: OutboxMail, changes: ['outbox', 'audit'] }),
  'outbox:cancel': channel({ access: 'grant', input: ById, output: OutboxMail, changes: ['outbox', 'audit'] }),
} as const;
