import type { Selectable } from 'kysely';
import { SECRET_MASK, type OutboxMail, type OutboxStatus } from '../../../shared/api/outbox';
import { compiledOnce } from '../db/compiled-once';
import type { Executor } from '../db/connection';
import { sqlFor } from '../db/dialect/of-database';
import type { OutboxChannel, OutboxMailTable } from '../db/schema';
import { SECRET_MARKER } from './outbox-port';

export type OutboxRow = Selectable<OutboxMailTable>;

export function rowToMail(row: OutboxRow): OutboxMail {
  return {
    id: row.id,
    messageId: row.message_id,
    kind: row.kind,
    channel: row.channel,
    to: row.to_address,
    // An SMS's subject is its text, code and all (masked here as in the preview).
    subject: row.subject.split(SECRET_MARKER).join(SECRET_MASK),
    accountId: row.account_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    emlWrittenAt: row.eml_written_at,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    updatedAt: row.updated_at,
  };
}

/** A mail as it enters the outbox: queued, due at once; the secret already encrypted. */
export interface NewOutboxRow {
  messageId: string;
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  accountId: number | null;
  secretEnc: string | null;
  secretExpiresAt: string | null;
  /** 'mail' unless said (an SMS: sms-queue.ts). */
  channel?: OutboxChannel;
}

/** The columns of a mail's row as it enters the outbox: queued, due at once, nothing tried yet. */
const queuedValues = (mail: NewOutboxRow, at: string) => ({
  message_id: mail.messageId,
  kind: mail.kind,
  to_address: mail.to,
  subject: mail.subject,
  html: mail.html,
  text: mail.text,
  account_id: mail.accountId,
  status: 'queued' as const,
  next_attempt_at: at,
  last_error: null,
  secret_enc: mail.secretEnc,
  secret_expires_at: mail.secretExpiresAt,
  eml_written_at: null,
  created_at: at,
  sent_at: null,
  updated_at: at,
  channel: mail.channel ?? 'mail',
});

// Compiled once: a bulk ticket change queues a status mail per ticket, one at a time.
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
    channel: OutboxChannel,
  ) =>
    db
      .insertInto('outbox_mail')
      .values(queuedValues({ messageId, kind, to, subject, html, text, accountId, secretEnc, secretExpiresAt, channel }, at))
      .returning('id'),
);

/** Inserts a queued mail in the caller's transaction; returns its id. */
export async function insertQueuedMail(trx: Executor, mail: NewOutboxRow, at: string): Promise<number> {
  const result = await insertQueued(trx, mail.messageId, mail.kind, mail.to, mail.subject, mail.html, mail.text, mail.accountId, at, mail.secretEnc, mail.secretExpiresAt, mail.channel ?? 'mail');
  const row = result.rows[0];
  if (!row) throw new Error('The outbox row was not written.');
  return row.id;
}

/** Inserts many queued mails in one statement (a bulk activation's batch), in their order. */
export async function insertQueuedMails(trx: Executor, mails: readonly NewOutboxRow[], at: string): Promise<void> {
  if (mails.length === 0) return;
  await trx
    .insertInto('outbox_mail')
    .values(mails.map((mail) => queuedValues(mail, at)))
    .execute();
}

export interface OutboxFilter {
  status?: OutboxStatus | undefined;
  accountId?: number | undefined;
  offset: number;
  limit: number;
}

export async function listOutbox(db: Executor, filter: OutboxFilter): Promise<{ rows: OutboxRow[]; total: number }> {
  let query = db.selectFrom('outbox_mail');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('id', 'desc').offset(filter.offset).limit(filter.limit).execute();
  return { rows, total };
}

/** How many rows of this kind and channel were queued for the account since then (SMS throttling across sign-ins). */
export async function countQueuedSince(db: Executor, accountId: number, channel: OutboxChannel, kind: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('outbox_mail')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('channel', '=', channel)
    .where('kind', '=', kind)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findOutboxRow(db: Executor, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox_mail').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Claims due mails in one statement, so two workers never claim the same row: queued mails
 * whose time has come, and mails left in 'sending' whose lease ran out (a crashed sender).
 * The lease is the claimed row's next_attempt_at; lease_owner says whose it is. On PostgreSQL
 * the due rows are locked as they are chosen, skipping rows another process is claiming
 * (sqlFor(db).skipLocked): several processes claim at once without waiting or overlapping.
 */
export async function claimDue(db: Executor, now: string, leaseUntil: string, limit: number, owner: string, channel: OutboxChannel = 'mail'): Promise<OutboxRow[]> {
  const rows = await db
    .updateTable('outbox_mail')
    .set({ status: 'sending', next_attempt_at: leaseUntil, lease_owner: owner, updated_at: now })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox_mail')
        .select('id')
        .where('channel', '=', channel)
        .where('status', 'in', ['queued', 'sending'])
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .modifyEnd(sqlFor(db).skipLocked()),
    )
    .returningAll()
    .execute();
  // RETURNING promises no order: send in the order the mails were queued.
  return rows.sort((a, b) => a.id - b.id);
}

/**
 * After a restart nothing of this owner's is in flight: its mails left in 'sending' are due
 * again at once. Another owner's mails stay leased (that process may be sending them right
 * now) until their lease runs out; a lease without owner predates owners and was the back office's.
 */
export async function releaseSending(db: Executor, now: string, owner: string): Promise<number> {
  const result = await db
    .updateTable('outbox_mail')
    .set({ next_attempt_at: now, updated_at: now })
    .where('status', '=', 'sending')
    .where((eb) => eb.or([eb('lease_owner', '=', owner), eb('lease_owner', 'is', null), eb('next_attempt_at', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The outcomes below are recorded only while the lease is still the sender's: once another worker took over an expired lease, the row is that worker's. */
export async function markSent(db: Executor, ids: readonly number[], now: string, owner: string): Promise<void> {
  await db
    .updateTable('outbox_mail')
    .set((eb) => ({ status: 'sent', sent_at: now, updated_at: now, last_error: null, secret_enc: null, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .execute();
}

export async function markRetry(db: Executor, id: number, owner: string, now: string, nextAttemptAt: string, error: string): Promise<void> {
  await db
    .updateTable('outbox_mail')
    .set((eb) => ({ status: 'queued', next_attempt_at: nextAttemptAt, last_error: error, updated_at: now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .execute();
}

/** A failed mail keeps its secret until it expires, so staff can still retry it (e.g. after a full mailbox). */
export async function markFailed(db: Executor, id: number, owner: string, now: string, error: string, attempted: boolean): Promise<void> {
  await db
    .updateTable('outbox_mail')
    .set((eb) => ({ status: 'failed', last_error: error, updated_at: now, attempts: attempted ? eb('attempts', '+', 1) : eb.ref('attempts') }))
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .execute();
}

export const EXPIRED_SECRET_ERROR = 'The link in this mail expired before the mail could be sent; issue a new one.';

/** Scrubs expired secrets; a mail still waiting for its expired secret fails with a clear error. Returns how many failed. */
export async function scrubExpiredSecrets(db: Executor, now: string): Promise<number> {
  const failed = await db
    .updateTable('outbox_mail')
    .set({ status: 'failed', last_error: EXPIRED_SECRET_ERROR, secret_enc: null, updated_at: now })
    .where('status', 'in', ['queued', 'sending'])
    .where('secret_enc', 'is not', null)
    .where('secret_expires_at', '<=', now)
    .executeTakeFirst();
  await db
    .updateTable('outbox_mail')
    .set({ secret_enc: null, updated_at: now })
    .where('secret_enc', 'is not', null)
    .where('secret_expires_at', '<=', now)
    .execute();
  return Number(failed.numUpdatedRows);
}

/** Queued rows of the channel not yet written as a file (.eml without SMTP, .sms.txt without a gateway). */
export function unwrittenQueued(db: Executor, limit: number, channel: OutboxChannel = 'mail'): Promise<OutboxRow[]> {
  return db.selectFrom('outbox_mail').selectAll().where('channel', '=', channel).where('status', '=', 'queued').where('eml_written_at', 'is', null).orderBy('id').limit(limit).execute();
}

export async function markEmlWritten(db: Executor, id: number, now: string): Promise<void> {
  await db.updateTable('outbox_mail').set({ eml_written_at: now, updated_at: now }).where('id', '=', id).execute();
}

/** Staff's retry: due now, whatever the backoff said. */
export async function requeue(db: Executor, id: number, now: string): Promise<void> {
  await db.updateTable('outbox_mail').set({ status: 'queued', next_attempt_at: now, last_error: null, updated_at: now }).where('id', '=', id).execute();
}

export async function cancel(db: Executor, id: number, now: string): Promise<void> {
  await db.updateTable('outbox_mail').set({ status: 'cancelled', secret_enc: null, updated_at: now }).where('id', '=', id).execute();
}
