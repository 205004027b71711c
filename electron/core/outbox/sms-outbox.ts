import type { CoreDeps } from '../context';
import { SECRET_MARKER } from './outbox-port';
import * as repo from './outbox-repository';
import { retryDelayMs, type Backoff } from './send-failure';
import { writeSmsFile } from './sms-file';
import { readSmsGateway } from './sms-gateway-settings';
import type { SmsGateway } from './sms-request';
import { judgeSmsError, sendSms } from './sms-sender';

/** What one run did with the text messages. */
export interface SmsRunReport {
  gatewayConfigured: boolean;
  sent: number;
  retried: number;
  failed: number;
  /** Messages kept as .sms.txt files because no gateway is set. */
  filesWritten: number;
}

export interface SmsWorkOptions {
  deps: CoreDeps;
  dataDir: string;
  ownerId: string;
  leaseMs: number;
  maxAttempts: number;
  backoff: Backoff;
  random: () => number;
}

/** Messages claimed at once: two-step codes come one by one, so a small window is plenty. */
const BATCH = 20;

/**
 * The SMS side of the outbox worker: with a gateway, claims due messages (the mails' leases and
 * owners) and POSTs each, recording sent, retry with backoff, or failed; without one, keeps each
 * queued message once as a file.
 */
export async function workSmsQueue(o: SmsWorkOptions): Promise<SmsRunReport> {
  const report: SmsRunReport = { gatewayConfigured: false, sent: 0, retried: 0, failed: 0, filesWritten: 0 };
  const gateway = await readSmsGateway(o.deps.db, o.deps.secretBox);
  if (!gateway) {
    report.filesWritten = await writeUnsentSms(o);
    return report;
  }
  report.gatewayConfigured = true;
  for (;;) {
    const now = o.deps.clock();
    const claimed = await repo.claimDue(o.deps.db, now.toISOString(), new Date(now.getTime() + o.leaseMs).toISOString(), BATCH, o.ownerId, 'sms');
    if (claimed.length === 0) return report;
    const outcomes = await Promise.all(claimed.map((row) => sendOne(o, gateway, row)));
    for (const outcome of outcomes) report[outcome] += 1;
  }
}

async function sendOne(o: SmsWorkOptions, gateway: SmsGateway, row: repo.OutboxRow): Promise<'sent' | 'retried' | 'failed'> {
  const { db, clock } = o.deps;
  const at = () => clock().toISOString();
  const text = textOf(o, row);
  if (text === null) {
    await repo.markFailed(db, row.id, o.ownerId, at(), repo.EXPIRED_SECRET_ERROR, false);
    return 'failed';
  }
  try {
    await sendSms(gateway, row.to_address, text);
  } catch (error) {
    const verdict = judgeSmsError(error);
    const attempt = row.attempts + 1;
    if (verdict.kind === 'fail' || attempt >= o.maxAttempts) {
      await repo.markFailed(db, row.id, o.ownerId, at(), verdict.kind === 'fail' ? verdict.error : `Gave up after ${attempt} attempts: ${verdict.error}`, true);
      return 'failed';
    }
    await repo.markRetry(db, row.id, o.ownerId, at(), new Date(clock().getTime() + retryDelayMs(attempt, o.backoff, o.random)).toISOString(), verdict.error);
    return 'retried';
  }
  await repo.markSent(db, [row.id], at(), o.ownerId);
  return 'sent';
}

/** The message with its code put in, or null when the code is gone (expired, scrubbed) or cannot be decrypted. */
function textOf(o: SmsWorkOptions, row: repo.OutboxRow): string | null {
  if (!row.text.includes(SECRET_MARKER)) return row.text;
  if (row.secret_enc === null) return null;
  try {
    return row.text.split(SECRET_MARKER).join(o.deps.secretBox.decrypt(row.secret_enc));
  } catch {
    return null;
  }
}

async function writeUnsentSms(o: SmsWorkOptions): Promise<number> {
  let written = 0;
  for (;;) {
    const rows = await repo.unwrittenQueued(o.deps.db, BATCH, 'sms');
    if (rows.length === 0) return written;
    for (const row of rows) {
      const text = textOf(o, row);
      // A code that is gone leaves nothing worth keeping; the row fails when its secret's time is up.
      if (text !== null) writeSmsFile(o.dataDir, row, text);
      await repo.markEmlWritten(o.deps.db, row.id, o.deps.clock().toISOString());
      written += 1;
    }
  }
}
