import type { Result } from '../../../shared/result';
import { endSession, type SessionSlot } from '../auth/session';
import type { CallNature } from '../dispatch';
import { chooseDatabase, redactDatabaseUrl } from '../db/dialect/database-url';
import type { SecretBox } from '../outbox/secret-box';
import type { ChangeListener, CoreOptions, PortierCore } from '../portier-core';
import { urlOfChoice } from './office-database-url';
import { RememberedDatabaseError, readRememberedChoice, rememberedFileOf } from './remembered-database';

/** A core and what a shell runs beside it (the outbox worker, the invitation sweep). */
export interface RunningCore {
  core: PortierCore;
  /** Stops what runs beside the core, then closes the core. */
  stop(): Promise<void>;
}

/** Opens a core with these options (the shell adds its own: data folder, secret box, threads) and starts what runs beside it. */
export type OpenRunningCore = (options: Pick<CoreOptions, 'databaseUrl' | 'officeDatabase'>) => Promise<RunningCore>;

/**
 * The back office of a shell that can change its database while it runs (desktop, browser
 * mode): its transports call `invoke`, which always reaches the core now in use.
 */
export interface SwitchingCore {
  invoke(session: SessionSlot, channel: unknown, input: unknown, nature?: CallNature): Promise<Result<unknown>>;
  /** Hears the changes of the core now in use (a switch moves the listener to the new one). */
  onChanged(listener: ChangeListener): () => void;
  /** The core now in use. */
  readonly current: PortierCore;
  close(): Promise<void>;
}

/** The remembered office database could not be opened at start; its message says how to go on. */
export class RememberedDatabaseUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RememberedDatabaseUnavailable';
  }
}

export interface SwitchingCoreOptions {
  dataDir: string;
  /** The secret box the remembered password was sealed with (the core's). */
  secretBox: SecretBox;
  /** --database / PORTIER_DATABASE_URL: wins over the remembered choice. */
  commandLineUrl?: string | undefined;
  open: OpenRunningCore;
  /** Hears failures of closing a core that was switched away from. */
  onError?(error: unknown): void;
}

/**
 * Opens the back office on the database chosen at start — the command line's, else the
 * remembered one, else this desk's SQLite — and switches when the connect screen asks:
 * the new core is opened first (a failure changes nothing), new calls go to it at once,
 * and the old one is stopped when its last call is answered. Every sign-in belongs to one
 * database: a session slot signed in before a switch is signed out at its next call, so a
 * staff id of one database never acts in another.
 */
export async function openSwitchingCore(options: SwitchingCoreOptions): Promise<SwitchingCore> {
  const { open, onError } = options;
  let generation = 0;
  const generationOf = new WeakMap<SessionSlot, number>();
  const calls = new Map<RunningCore, number>();
  const retired = new Set<RunningCore>();
  let switching: Promise<unknown> = Promise.resolve();
  const listeners = new Set<ChangeListener>();
  const tell: ChangeListener = (domains) => listeners.forEach((listener) => listener(domains));
  let unsubscribe: () => void = () => undefined;

  const switchTo = (databaseUrl: string | null): Promise<void> => {
    const step = switching.then(async () => {
      const next = await open(databaseUrl === null ? { officeDatabase: { switchTo } } : { databaseUrl, officeDatabase: { chosenBy: 'remembered', switchTo } });
      const previous = running;
      running = next;
      unsubscribe();
      unsubscribe = next.core.onChanged(tell);
      generation += 1;
      retire(previous);
    });
    // A failed switch must not block the next one.
    switching = step.catch(() => undefined);
    return step;
  };

  const stopNow = (old: RunningCore) => {
    retired.delete(old);
    calls.delete(old);
    old.stop().catch((error: unknown) => onError?.(error));
  };
  const retire = (old: RunningCore) => {
    if ((calls.get(old) ?? 0) === 0) stopNow(old);
    else retired.add(old);
  };

  let running = await openFirst(options, switchTo);
  unsubscribe = running.core.onChanged(tell);

  return {
    get current() {
      return running.core;
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async invoke(session, channel, input, nature) {
      const seen = generationOf.get(session);
      if (seen !== generation) {
        if (seen !== undefined) endSession(session);
        generationOf.set(session, generation);
      }
      const target = running;
      calls.set(target, (calls.get(target) ?? 0) + 1);
      try {
        return await target.core.invoke(session, channel, input, nature);
      } finally {
        const left = (calls.get(target) ?? 1) - 1;
        calls.set(target, left);
        if (left === 0 && retired.has(target)) stopNow(target);
      }
    },
    async close() {
      await switching;
      unsubscribe();
      for (const old of [...retired]) stopNow(old);
      await running.stop();
    },
  };
}

async function openFirst(options: SwitchingCoreOptions, switchTo: (url: string | null) => Promise<void>): Promise<RunningCore> {
  const { open } = options;
  if (chooseDatabase(options.commandLineUrl).kind === 'postgres') {
    return open({ databaseUrl: options.commandLineUrl, officeDatabase: { chosenBy: 'command-line', switchTo } });
  }
  const file = rememberedFileOf(options.dataDir);
  let remembered;
  try {
    remembered = readRememberedChoice(file, options.secretBox);
  } catch (error) {
    if (error instanceof RememberedDatabaseError) throw new RememberedDatabaseUnavailable(error.message);
    throw error;
  }
  if (remembered === null) return open({ officeDatabase: { switchTo } });
  const url = urlOfChoice(remembered);
  try {
    return await open({ databaseUrl: url, officeDatabase: { chosenBy: 'remembered', switchTo } });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new RememberedDatabaseUnavailable(
      `The office database this desk remembers (${redactDatabaseUrl(url)}) cannot be opened: ${why}\n` +
        `Start Portier when it can be reached, give another with --database, or delete ${file} to go back to this desk's own database (SQLite).`,
    );
  }
}
