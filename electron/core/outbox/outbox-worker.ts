import type Mail from 'nodemailer/lib/mailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { CoreDeps } from '../context';
import { carriesMarker, composeMail, pooledTransport, sender, writeEml } from './mail-transport';
import * as repo from './outbox-repository';
import { DEFAULT_BACKOFF, judgeSendError, retryDelayMs, type Backoff } from './send-failure';
import { readSmtpConnection, type SmtpConnection } from './smtp-settings';

export interface OutboxWorkerOptions {
  deps: CoreDeps;
  /** Where .eml files go (DATA_DIR/outbox) while no SMTP server is configured. */
  dataDir: string;
  /** How often the worker looks for due mail when started. */
  intervalMs?: number;
  batchSize?: number;
  /** How long a claimed mail counts as in flight; after that another worker may take it (same Message-ID). */
  leaseMs?: number;
  /** Transient failures before a mail is given up as failed. */
  maxAttempts?: number;
  backoff?: Backoff;
  random?: () => number;
  /** Errors of a background run (the database, the key): the shell logs them. */
  onError?: (error: unknown) => void;
}

/** What one run did. */
export interface OutboxRunReport {
  smtpConfigured: boolean;
  sent: number;
  retried: number;
  failed: number;
  /** Mails failed because their secret expired before they could be sent. */
  expired: number;
  emlWritten: number;
}

type Outcome = 'sent' | 'retried' | 'failed';

/** Sends the outbox in the main process: claims due mails, sends them after commit, records the outcome. */
export class OutboxWorker {
  private readonly o: Required<Omit<OutboxWorkerOptions, 'onError'>> & Pick<OutboxWorkerOptions, 'onError'>;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private transport: { key: string; mailer: Mail<SMTPPool.SentMessageInfo> } | null = null;
  private started = false;

  constructor(options: OutboxWorkerOptions) {
    this.o = { intervalMs: 5_000, batchSize: 50, leaseMs: 5 * 60_000, maxAttempts: 10, backoff: DEFAULT_BACKOFF, random: Math.random, ...options };
  }

  /** Starts the loop. This process owns the outbox now: mails a crash left in 'sending' are due again at once. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await repo.releaseSending(this.o.deps.db, this.nowIso());
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain.catch(() => undefined);
    this.transport?.mailer.close();
    this.transport = null;
  }

  /** Works the queue now, until nothing is due; runs never overlap. */
  runOnce(): Promise<OutboxRunReport> {
    const run = this.chain.catch(() => undefined).then(() => this.work());
    this.chain = run;
    return run;
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error: unknown) => this.o.onError?.(error))
        .finally(() => this.schedule(this.o.intervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private nowIso(): string {
    return this.o.deps.clock().toISOString();
  }

  private async work(): Promise<OutboxRunReport> {
    const { db, secretBox } = this.o.deps;
    const report: OutboxRunReport = { smtpConfigured: false, sent: 0, retried: 0, failed: 0, expired: 0, emlWritten: 0 };
    report.expired = await repo.scrubExpiredSecrets(db, this.nowIso());
    const conn = await readSmtpConnection(db, secretBox);
    if (!conn) {
      report.emlWritten = await this.writeUnsent();
      return report;
    }
    report.smtpConfigured = true;
    const mailer = this.mailerFor(conn);
    for (;;) {
      const now = this.o.deps.clock();
      const claimed = await repo.claimDue(db, now.toISOString(), new Date(now.getTime() + this.o.leaseMs).toISOString(), this.o.batchSize);
      if (claimed.length === 0) break;
      const outcomes = await Promise.all(claimed.map((row) => this.sendOne(row, mailer, sender(conn))));
      for (const outcome of outcomes) report[outcome] += 1;
    }
    return report;
  }

  private async sendOne(row: repo.OutboxRow, mailer: Mail, from: Mail.Address | string): Promise<Outcome> {
    const { db } = this.o.deps;
    let secret: string | null = null;
    try {
      secret = row.secret_enc === null ? null : this.o.deps.secretBox.decrypt(row.secret_enc);
    } catch (error) {
      await repo.markFailed(db, row.id, this.nowIso(), `The secret of this mail cannot be decrypted: ${String(error)}`, false);
      return 'failed';
    }
    if (secret === null && carriesMarker(row)) {
      await repo.markFailed(db, row.id, this.nowIso(), repo.EXPIRED_SECRET_ERROR, false);
      return 'failed';
    }
    try {
      await mailer.sendMail(composeMail(row, secret, from));
    } catch (error) {
      return this.recordFailure(row, error);
    }
    await repo.markSent(db, row.id, this.nowIso());
    return 'sent';
  }

  private async recordFailure(row: repo.OutboxRow, error: unknown): Promise<Outcome> {
    const { db, clock } = this.o.deps;
    const verdict = judgeSendError(error);
    const attempt = row.attempts + 1;
    if (verdict.kind === 'fail' || attempt >= this.o.maxAttempts) {
      const text = verdict.kind === 'fail' ? verdict.error : `Gave up after ${attempt} attempts: ${verdict.error}`;
      await repo.markFailed(db, row.id, this.nowIso(), text, true);
      return 'failed';
    }
    const next = new Date(clock().getTime() + retryDelayMs(attempt, this.o.backoff, this.o.random));
    await repo.markRetry(db, row.id, this.nowIso(), next.toISOString(), verdict.error);
    return 'retried';
  }

  /** No SMTP server: mails stay queued; each is written once as an .eml so it can be read. */
  private async writeUnsent(): Promise<number> {
    const { db, secretBox } = this.o.deps;
    let written = 0;
    for (;;) {
      const rows = await repo.unwrittenQueued(db, this.o.batchSize);
      if (rows.length === 0) return written;
      for (const row of rows) {
        const secret = row.secret_enc === null ? null : secretBox.decrypt(row.secret_enc);
        await writeEml(this.o.dataDir, row, composeMail(row, secret, 'portier@localhost'));
        await repo.markEmlWritten(db, row.id, this.nowIso());
        written += 1;
      }
    }
  }

  private mailerFor(conn: SmtpConnection): Mail<SMTPPool.SentMessageInfo> {
    const key = JSON.stringify(conn);
    if (this.transport?.key !== key) {
      this.transport?.mailer.close();
      this.transport = { key, mailer: pooledTransport(conn) };
    }
    return this.transport.mailer;
  }
}
