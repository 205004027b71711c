import type { CoreDeps } from '../context';
import { sweepInvitationStages } from './account-index-repository';

export interface InvitationSweepOptions {
  deps: Pick<CoreDeps, 'db' | 'clock'>;
  /** How often the sweep runs while started. */
  intervalMs?: number;
  /** Errors of a background run (the database): the shell logs them. */
  onError?: (error: unknown) => void;
}

/**
 * Keeps the search index's quick-filter stages in step with the clock (migration 0024), run by
 * the back office (desktop or serve) at start and then every minute. The list is exact without
 * it: it corrects at query time for the invitations that ran out since the last sweep, and the
 * sweep keeps that correction small (at 1M accounts, a day of unswept expiries costs ~30 ms a search).
 */
export class InvitationSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private readonly intervalMs: number;

  constructor(private readonly o: InvitationSweepOptions) {
    this.intervalMs = o.intervalMs ?? 60_000;
  }

  /** Sweeps now, then every intervalMs until stopped. */
  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.runOnce().catch((error: unknown) => this.o.onError?.(error));
      this.timer = setTimeout(tick, this.intervalMs);
      this.timer.unref();
    };
    tick();
  }

  /** Stops the timer and waits for a run under way, so the database can be closed after. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running.catch(() => undefined);
  }

  /** One sweep at the clock's now; runs never overlap. Resolves to the accounts whose stage changed. */
  runOnce(): Promise<number> {
    const run = this.running.catch(() => undefined).then(() => sweepInvitationStages(this.o.deps.db, this.o.deps.clock().toISOString()));
    this.running = run;
    return run;
  }
}
