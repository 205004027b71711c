import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type { Client } from 'pg';
import type { Domain } from '../../../../shared/contract';
import type { OnDatabase } from './of-database';

/*
 * Several processes on one PostgreSQL database (desktops, browser mode, the portal, the CLI)
 * tell each other what they changed (issue 13, point 3): every committed write sends
 * NOTIFY portier_changes with the sending core's instance and the domains of the call that
 * wrote (postgres-change-driver.ts); each core LISTENs on one connection of its own, tells its
 * onChanged listeners what others changed (open screens refresh) and keeps the read cache's
 * change marker: a counter bumped by every notification and by its own commits. While that
 * connection is down nothing tells it of others' changes, so the marker changes on every call
 * and the read cache reads again each time.
 */

/** The channel every Portier process on a database announces its changes on. */
export const CHANGES_CHANNEL = 'portier_changes';

/** One notification's payload: which core changed data, and the domains of the call (none: a write outside any call). */
export interface ChangeNotice {
  instance: string;
  domains: readonly Domain[];
}

/** The first wait before listening again after the connection was lost; doubled each failed try up to the last. */
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/** Notices heard within this window reach the listeners as one (a bulk run commits many times a second). */
const HEARD_WINDOW_MS = 50;

/** The domains of the call that runs now (AsyncLocalStorage follows it through every await). */
const domainsOfCall = new AsyncLocalStorage<readonly Domain[]>();

/** Runs one call into the core so that what its writes announce names the domains the call changes. */
export function whileChanging<T>(domains: readonly Domain[], call: () => Promise<T>): Promise<T> {
  return domainsOfCall.run(domains, call);
}

/** The notice as sent, or null for a payload that is not one of Portier's (anyone may NOTIFY on a channel). */
export function parseChangeNotice(payload: string | undefined): ChangeNotice | null {
  try {
    const value = JSON.parse(payload ?? '') as { instance?: unknown; domains?: unknown };
    if (typeof value.instance !== 'string' || !Array.isArray(value.domains)) return null;
    return { instance: value.instance, domains: value.domains.filter((d): d is Domain => typeof d === 'string') };
  } catch {
    return null;
  }
}

/** Markers handed out while not listening: never the same twice. */
let deafMarkers = 0;

/** A change marker that matches no other: nothing may be answered from memory. */
export function freshMarker(): string {
  deafMarkers += 1;
  return `deaf:${process.pid}:${deafMarkers}`;
}

export interface ListenOptions {
  /** What the listeners are told after the connection was down: every domain may have changed meanwhile. */
  everyDomain: readonly Domain[];
  onError?: (source: string, error: unknown) => void;
}

/** One database's changes as one Portier core sees them (see the top of this file). */
export class DatabaseChanges {
  /**
   * Names this core in its notices (its own come back to it and tell its listeners nothing new)
   * and its LISTEN connection's application_name (PostgreSQL keeps 63 characters of it).
   */
  readonly instance = `${process.pid}:${randomBytes(6).toString('hex')}`;
  #counter = 0;
  #listening: Listening | null = null;
  readonly #hearers = new Set<(domains: readonly Domain[]) => void>();
  #heard = new Set<Domain>();
  #heardTimer: NodeJS.Timeout | null = null;

  /** The read cache's marker: the same only while this core listens and nothing changed anywhere. */
  marker(): string {
    return this.#listening?.up ? `${this.instance}:${this.#counter}` : freshMarker();
  }

  /** Data changed (a commit of this process, a notice, the connection lost or found): earlier answers are stale. */
  changed(): void {
    this.#counter += 1;
  }

  /** The statement that announces a write: inside the transaction (sent on commit), or after a write outside one. */
  noticeQuery(): CompiledQuery {
    const notice: ChangeNotice = { instance: this.instance, domains: domainsOfCall.getStore() ?? [] };
    return CompiledQuery.raw('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(notice)]);
  }

  /** Calls `hearer` with the domains other processes changed; returns the unsubscribe. */
  onRemoteChange(hearer: (domains: readonly Domain[]) => void): () => void {
    this.#hearers.add(hearer);
    return () => this.#hearers.delete(hearer);
  }

  /** Starts listening on a connection of its own (first try awaited; on failure it tries again later). */
  async listen(url: string, options: ListenOptions): Promise<void> {
    if (this.#listening) return;
    this.#listening = new Listening(url, this, options);
    await this.#listening.connect();
  }

  /** Stops listening; the database's destroy() calls it. */
  async close(): Promise<void> {
    const listening = this.#listening;
    this.#listening = null;
    if (this.#heardTimer) clearTimeout(this.#heardTimer);
    this.#heardTimer = null;
    await listening?.close();
  }

  /** A notification arrived (own or another's; only another's says anything new). */
  heard(payload: string | undefined): void {
    const notice = parseChangeNotice(payload);
    // This core's own notice: its commit moved the marker already (at the commit, never later), and
    // moving it again when the notice comes round would throw away answers read since for nothing.
    if (notice?.instance === this.instance) return;
    this.changed();
    if (!notice || notice.domains.length === 0) return;
    this.tell(notice.domains);
  }

  /** Tells the hearers, gathering what arrives within HEARD_WINDOW_MS into one call. */
  tell(domains: readonly Domain[]): void {
    for (const domain of domains) this.#heard.add(domain);
    if (this.#heardTimer) return;
    this.#heardTimer = setTimeout(() => {
      this.#heardTimer = null;
      const all = [...this.#heard];
      this.#heard = new Set();
      for (const hearer of this.#hearers) hearer(all);
    }, HEARD_WINDOW_MS);
    this.#heardTimer.unref();
  }
}

/** The LISTEN connection: one pg client, opened again with backoff when the server drops it. */
class Listening {
  up = false;
  #client: Client | null = null;
  #closed = false;
  #wasDown = false;
  #retry: NodeJS.Timeout | null = null;
  #delay = FIRST_RETRY_MS;

  constructor(
    private readonly url: string,
    private readonly changes: DatabaseChanges,
    private readonly options: ListenOptions,
  ) {}

  /** Never rejects: a failure is reported and tried again later. */
  async connect(): Promise<void> {
    let client: Client | null = null;
    try {
      const { default: pg } = await import('pg');
      const opened = new pg.Client({ connectionString: this.url, application_name: `portier-changes ${this.changes.instance}`, keepAlive: true, connectionTimeoutMillis: 10_000 });
      client = opened;
      // Handlers before connect(): an 'error' without a handler would end the process.
      opened.on('notification', (message) => {
        if (opened === this.#client && message.channel === CHANGES_CHANNEL) this.changes.heard(message.payload);
      });
      opened.on('error', (error) => this.#lost(opened, error));
      opened.on('end', () => this.#lost(opened, new Error('The server closed the connection that listens for changes.')));
      await opened.connect();
      await opened.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      await client?.end().catch(() => undefined);
      this.#tryAgainLater(error);
      return;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    this.#delay = FIRST_RETRY_MS;
    this.up = true;
    this.changes.changed();
    // Whatever others changed while this core was deaf was never announced to it.
    if (this.#wasDown) this.changes.tell(this.options.everyDomain);
  }

  #lost(client: Client, error: unknown): void {
    if (client !== this.#client) return;
    this.#client = null;
    this.up = false;
    this.#wasDown = true;
    this.changes.changed();
    client.end().catch(() => undefined);
    this.#tryAgainLater(error);
  }

  #tryAgainLater(error: unknown): void {
    if (this.#closed) return;
    this.#wasDown = true;
    this.options.onError?.(`listen ${CHANGES_CHANNEL}`, error);
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.connect();
    }, this.#delay);
    // A core someone forgot to close must not keep the process alive for this.
    this.#retry.unref();
    this.#delay = Math.min(this.#delay * 2, LAST_RETRY_MS);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.up = false;
    if (this.#retry) clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
  }
}

/**
 * Each PostgreSQL database's changes, by the Kysely adapter it was built with: an instance, its
 * transactions and any instance derived from it (withPlugin) share that adapter.
 */
const changesByAdapter = new WeakMap<object, DatabaseChanges>();

export function registerChanges(db: OnDatabase, changes: DatabaseChanges): void {
  changesByAdapter.set(db.getExecutor().adapter, changes);
}

/** The changes of the PostgreSQL database `db` is on; undefined on SQLite. */
export function changesOf(db: OnDatabase): DatabaseChanges | undefined {
  return changesByAdapter.get(db.getExecutor().adapter);
}
