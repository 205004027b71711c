import type { PortierCore } from '../portier-core';
import type Mail from 'nodemailer/lib/mailer';
import { SECRET_MASK } from '../../../shared/api/outbox';
import type { Domain } from '../../../shared/contract';
import type { CoreDeps } from '../context';
import { dialectOf } from '../db/dialect/of-database';
import { whileChanging } from '../db/dialect/postgres-changes';
import { carriesMarker, composeMail, sender, writeEml } from './mail-transport';
import { pooledSender, type MailSender, type MailSenderFactory } from './mail-sender';
import * as repo from './outbox-repository';
import { DEFAULT_BACKOFF, judgeSendError, retryDelayMs, type Backoff } from './send-failure';
import { readSmtpConnection, type SmtpConnection } from './smtp-settings';
import { workSmsQueue, type SmsRunReport } from './sms-outbox';

export interface OutboxWorkerOptions {
  deps: CoreDeps;
  /** Where .eml files go (DATA_DIR/outbox) while no SMTP server is configured. */
  dataDir: string;
  /** How often the worker looks for due mail when started. */
  intervalMs?: number;
  /**
   * Mails in flight at once (the pool's connections take them in turn), refilled when half
   * have gone. Large enough that the SMTP thread keeps sending while this thread is busy
   * committing a chunk of activations; it also bounds the resends after a crash.
   */
  batchSize?: number;
  /** How long a claimed mail counts as in flight; after that another worker may take it (same Message-ID). */
  leaseMs?: number;
  /** Transient failures before a mail is given up as failed. */
  maxAttempts?: number;
  backoff?: Backoff;
  random?: () => number;
  /** How mails reach the SMTP server: a pool in this thread by default; the shells pass threadedSender. */
  sender?: MailSenderFactory;
  /** Errors of a background run (the database, the key): the shell logs them. */
  onError?: (error: unknown) => void;
  /**
   * The sending role whose leases this worker takes and, at start, frees. Default: the back
   * office. The lease owner is made from it by the database's dialect (leaseOwner): on SQLite
   * the role itself, stable across restarts, so a restarted sender frees its own mails at once,
   * and unique, which the role's lock ensures (one back office per data folder); on PostgreSQL
   * the role and this process, since several desktops and portals share the database.
   */
  ownerId?: string;
}

/** The back office's outbox owner id (desktop or serve: only one runs per data folder). */
export const BACK_OFFICE_OUTBOX_OWNER = 'back-office';

/** What one run did. */
export interface OutboxRunReport {
  smtpConfigured: boolean;
  sent: number;
  retried: number;
  failed: number;
  /** Mails failed because their secret expired before they could be sent. */
  expired: number;
  emlWritten: number;
  /** The text messages (two-step codes): sent through the gateway, or kept as files without one. */
  sms: SmsRunReport;
}

type Outcome = 'sent' | 'retried' | 'failed';

/** The domain every write of the worker changes. */
const OUTBOX: readonly Domain[] = ['outbox'];

/** The default window of mails in flight (batchSize). */
export const IN_FLIGHT = 200;

/** Sends the outbox in the main process: claims due mails, sends them after commit, records the outcome. */
export class OutboxWorker {
  private readonly o: Required<Omit<OutboxWorkerOptions, 'onError'>> & Pick<OutboxWorkerOptions, 'onError'>;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private transport: { key: string; sender: MailSender } | null = null;
  private started = false;
  /** A timer-driven run is under way. */
  private running = false;
  /** Mail was queued since the current run began: run again at once. */
  private woken = false;
  /**
   * Sent mails not yet recorded as sent. They are written together, in one statement, as
   * soon as this thread gets its next turn (a commit costs a disk sync, a mail does not);
   * a crash before that resends only them, with the same Message-ID.
   */
  private sentIds: number[] = [];
  private recording: Promise<void> | null = null;

  constructor(options: OutboxWorkerOptions) {
    const o = { intervalMs: 5_000, batchSize: IN_FLIGHT, leaseMs: 5 * 60_000, maxAttempts: 10, backoff: DEFAULT_BACKOFF, random: Math.random, sender: pooledSender, ownerId: BACK_OFFICE_OUTBOX_OWNER, ...options };
    this.o = { ...o, ownerId: dialectOf(o.deps.db).leaseOwner(o.ownerId) };
  }

  /** Whose leases this worker holds (lease_owner of the mails it claims). */
  get leaseOwner(): string {
    return this.o.ownerId;
  }

  /** Starts the loop. Mails a crash of this owner left in 'sending' are due again at once; other owners' wait for their lease. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await whileChanging(OUTBOX, () => repo.releaseSending(this.o.deps.db, this.nowIso(), this.o.ownerId));
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain.catch(() => undefined);
    this.transport?.sender.close();
    this.transport = null;
  }

  /** Works the queue now, until nothing is due; runs never overlap. */
  runOnce(): Promise<OutboxRunReport> {
    // Its writes (claims, sent, failed, retries) happen outside any channel call: on PostgreSQL
    // they are announced as outbox changes all the same, so other processes' outbox screens refresh.
    const run = this.chain.catch(() => undefined).then(() => whileChanging(OUTBOX, () => this.work()));
    this.chain = run;
    return run;
  }

  /** Mail was queued (the shell calls this after a change to the outbox): send it now, not at the next tick. */
  wake(): void {
    if (!this.started) return;
    this.woken = true;
    if (!this.running && this.timer) {
      clearTimeout(this.timer);
      this.schedule(0);
    }
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.started) return;
      this.running = true;
      this.woken = false;
      this.runOnce()
        .catch((error: unknown) => this.o.onError?.(error))
        .finally(() => {
          this.running = false;
          this.schedule(this.woken ? 0 : this.o.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  private nowIso(): string {
    return this.o.deps.clock().toISOString();
  }

  private async work(): Promise<OutboxRunReport> {
    const { db, secretBox } = this.o.deps;
    const report: OutboxRunReport = { smtpConfigured: false, sent: 0, retried: 0, failed: 0, expired: 0, emlWritten: 0, sms: { gatewayConfigured: false, sent: 0, retried: 0, failed: 0, filesWritten: 0 } };
    report.expired = await repo.scrubExpiredSecrets(db, this.nowIso());
    // Text messages first: a two-step code is awaited by someone at a sign-in page, and lives 5 minutes.
    report.sms = await workSmsQueue(this.o);
    const conn = await readSmtpConnection(db, secretBox);
    if (!conn) {
      report.emlWritten = await this.writeUnsent();
      return report;
    }
    report.smtpConfigured = true;
    const mailer = this.senderFor(conn);
    const from = sender(conn);
    // A window of mails in flight, refilled as they finish (not batch after batch: the
    // connections never wait for the slowest mail of a batch). Claiming again also finds
    // mail queued while this run was sending.
    const inFlight = new Set<Promise<void>>();
    const refillBelow = Math.max(1, Math.floor(this.o.batchSize / 2));
    try {
      for (;;) {
        let claimed: repo.OutboxRow[] = [];
        if (inFlight.size < refillBelow) {
          await this.recordSent();
          const now = this.o.deps.clock();
          claimed = await repo.claimDue(db, now.toISOString(), new Date(now.getTime() + this.o.leaseMs).toISOString(), this.o.batchSize - inFlight.size, this.o.ownerId);
          for (const row of claimed) {
            const sending: Promise<void> = this.sendOne(row, mailer, from).then((outcome) => {
              report[outcome] += 1;
              inFlight.delete(sending);
            });
            inFlight.add(sending);
          }
        }
        if (inFlight.size === 0) break;
        // Nothing more was due: let the window drain before looking again.
        await (claimed.length === 0 && inFlight.size < refillBelow ? Promise.all(inFlight) : Promise.race(inFlight));
      }
    } finally {
      await Promise.allSettled(inFlight);
      await this.recording;
      await this.recordSent();
    }
    return report;
  }

  private noteSent(id: number): void {
    this.sentIds.push(id);
    this.recording ??= new Promise((resolve) => setImmediate(resolve))
      .then(() => this.recordSent())
      .catch((error: unknown) => this.o.onError?.(error))
      .finally(() => (this.recording = null));
  }

  /** Records the sent mails in one statement. */
  private async recordSent(): Promise<void> {
    if (this.sentIds.length === 0) return;
    const ids = this.sentIds;
    this.sentIds = [];
    await repo.markSent(this.o.deps.db, ids, this.nowIso(), this.o.ownerId);
  }

  private async sendOne(row: repo.OutboxRow, mailer: MailSender, from: Mail.Address | string): Promise<Outcome> {
    const { db } = this.o.deps;
    let secret: string | null = null;
    try {
      secret = row.secret_enc === null ? null : this.o.deps.secretBox.decrypt(row.secret_enc);
    } catch (error) {
      await repo.markFailed(db, row.id, this.o.ownerId, this.nowIso(), `The secret of this mail cannot be decrypted: ${String(error)}`, false);
      return 'failed';
    }
    if (secret === null && carriesMarker(row)) {
      await repo.markFailed(db, row.id, this.o.ownerId, this.nowIso(), repo.EXPIRED_SECRET_ERROR, false);
      return 'failed';
    }
    try {
      await mailer.send(composeMail(row, secret, from));
    } catch (error) {
      return this.recordFailure(row, error);
    }
    this.noteSent(row.id);
    return 'sent';
  }

  private async recordFailure(row: repo.OutboxRow, error: unknown): Promise<Outcome> {
    const { db, clock } = this.o.deps;
    const verdict = judgeSendError(error);
    const attempt = row.attempts + 1;
    if (verdict.kind === 'fail' || attempt >= this.o.maxAttempts) {
      const text = verdict.kind === 'fail' ? verdict.error : `Gave up after ${attempt} attempts: ${verdict.error}`;
      await repo.markFailed(db, row.id, this.o.ownerId, this.nowIso(), text, true);
      return 'failed';
    }
    const next = new Date(clock().getTime() + retryDelayMs(attempt, this.o.backoff, this.o.random));
    await repo.markRetry(db, row.id, this.o.ownerId, this.nowIso(), next.toISOString(), verdict.error);
    return 'retried';
  }

  /**
   * No SMTP server: mails stay queued; each is written once as an .eml so it can be read.
   * The link's token is masked there, as in the outbox preview: a file is copied, backed up
   * and synced where the database's encrypted column is not, and it would outlive the mail
   * (nothing scrubs a file once the mail is sent or the link expires). The raw token lives
   * only encrypted in the outbox row and goes out with the mail over SMTP.
   */
  private async writeUnsent(): Promise<number> {
    const { db } = this.o.deps;
    let written = 0;
    for (;;) {
      const rows = await repo.unwrittenQueued(db, this.o.batchSize);
      if (rows.length === 0) return written;
      for (const row of rows) {
        await writeEml(this.o.dataDir, row, composeMail(row, row.secret_enc === null ? null : SECRET_MASK, 'portier@localhost'));
        await repo.markEmlWritten(db, row.id, this.nowIso());
        written += 1;
      }
    }
  }

  private senderFor(conn: SmtpConnection): MailSender {
    const key = JSON.stringify(conn);
    if (this.transport?.key !== key) {
      this.transport?.sender.close();
      this.transport = { key, sender: this.o.sender(conn) };
    }
    return this.transport.sender;
  }
}

/** Wakes the worker after every call that changed the outbox (mail queued, retried), so mail leaves at once. */
export function wakeOnOutboxChanges(core: Pick<PortierCore, 'onChanged'>, worker: OutboxWorker): () => void {
  return core.onChanged((domains) => {
    if (domains.includes('outbox')) worker.wake();
  });
}
