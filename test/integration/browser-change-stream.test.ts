import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionSlot, type SessionSlot } from '../../electron/core/auth/session';
import { outboxQueue } from '../../electron/core/outbox/outbox-queue';
import { OutboxWorker } from '../../electron/core/outbox/outbox-worker';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { startBrowserServer, type BrowserServer } from '../../electron/server/browser-server';
import { eventStreamParser } from '../../renderer/src/api/http-change-stream';
import { INVOKE_PATH, KEY_HEADER, SESSION_HEADER } from '../../shared/bridge';
import { CHANGED_EVENT, CHANGES_PATH } from '../../shared/data-changes';
import { ADMIN, migratedDataDir, signedIn, tempDataDir } from '../support/core';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';

/**
 * Issue 13, point 3, browser mode: a signed-in tab's change stream (GET /api/changes,
 * Server-Sent Events) names the domains changed by its own core and, on PostgreSQL, by another
 * process's core on the same database. It runs once (SQLITE_ONLY in vitest.config.ts) and
 * makes its own databases: a SQLite data folder, and a throwaway PostgreSQL database.
 */
const pgUp = await postgresAnswers();
const onError = process.env.PORTIER_TEST_SHOW_ERRORS === '1' ? { onError: (where: string, error: unknown) => console.error(where, error) } : {};
const cleanups: (() => Promise<void> | void)[] = [];

function rendererDir(): string {
  const data = tempDataDir('portier-change-stream-');
  cleanups.push(data.remove);
  fs.writeFileSync(path.join(data.dir, 'index.html'), '<!doctype html><title>Portier</title>');
  return data.dir;
}

async function serve(core: PortierCore, options: { maxStreamsPerSession?: number } = {}): Promise<BrowserServer> {
  const server = await startBrowserServer({ core, rendererDir: rendererDir(), port: 0, heartbeatMs: 100, ...options });
  // Closed by its test or at the end (a second close() would say the server is not running).
  cleanups.push(() => server.close().catch(() => undefined));
  return server;
}

interface Answer {
  status: number;
  session: string | undefined;
  body: { ok: boolean; value?: unknown; error?: { code: string; params?: Record<string, unknown> } };
}

function invoke(server: BrowserServer, channel: string, input: unknown, session?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', [KEY_HEADER]: server.secret, ...(session ? { [SESSION_HEADER]: session } : {}) };
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: INVOKE_PATH, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const header = res.headers[SESSION_HEADER];
        resolve({ status: res.statusCode ?? 0, session: typeof header === 'string' ? header : undefined, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] });
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify({ channel, input }));
  });
}

/** A tab signed in over HTTP: the session id the server issued. */
async function signInTab(server: BrowserServer): Promise<string> {
  const answer = await invoke(server, 'session:sign-in', { email: ADMIN.email, password: ADMIN.password });
  expect(answer.body.ok).toBe(true);
  if (!answer.session) throw new Error('no session id issued');
  return answer.session;
}

/** An open change stream as the tab reads it: the domains of each event, the heartbeats, whether it ended. */
interface Stream {
  status: number;
  contentType: string | undefined;
  /** The answer's body when it is not a stream (a refusal). */
  refusal: Promise<string>;
  events: string[][];
  heartbeats: number;
  ended: Promise<void>;
  isEnded(): boolean;
  close(): void;
}

function openStream(server: BrowserServer, headers: Record<string, string>, method = 'GET'): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: CHANGES_PATH, headers, agent: false }, (res) => {
      const parse = eventStreamParser();
      let text = '';
      let ended = false;
      const stream: Stream = {
        status: res.statusCode ?? 0,
        contentType: res.headers['content-type'],
        refusal: new Promise((done) => res.on('end', () => done(text))),
        events: [],
        heartbeats: 0,
        ended: new Promise((done) => res.on('close', () => done())),
        isEnded: () => ended,
        close: () => req.destroy(),
      };
      res.on('close', () => (ended = true));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        stream.heartbeats += chunk.split(': heartbeat\n\n').length - 1;
        for (const event of parse(chunk)) if (event.event === CHANGED_EVENT) stream.events.push(JSON.parse(event.data) as string[]);
      });
      cleanups.push(() => void req.destroy());
      resolve(stream);
    });
    req.on('error', reject);
    req.end();
  });
}

const tabHeaders = (server: BrowserServer, session?: string) => ({ [KEY_HEADER]: server.secret, ...(session ? { [SESSION_HEADER]: session } : {}) });

/** Waits until `check` holds (polling), or fails saying what did not happen. */
async function eventually(what: string, check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('browser mode change stream, one core on SQLite', () => {
  let core: PortierCore;
  let admin: SessionSlot;
  let server: BrowserServer;

  beforeAll(async () => {
    const data = migratedDataDir('portier-change-stream-');
    core = await openPortierCore({ dataDir: data.dir, ...onError });
    cleanups.push(data.remove, () => core.close());
    admin = newSessionSlot();
    await core.call(admin, 'setup:create-administrator', { ...ADMIN });
    server = await serve(core, { maxStreamsPerSession: 2 });
  });

  it('tells a signed-in tab the domains of a change made by another session of its core, with heartbeats between', async () => {
    const stream = await openStream(server, tabHeaders(server, await signInTab(server)));
    expect(stream.status).toBe(200);
    expect(stream.contentType).toBe('text/event-stream; charset=utf-8');
    await core.call(admin, 'organisations:create', { name: 'Stream GmbH' });
    await eventually('the change is told', () => stream.events.length > 0);
    expect(stream.events).toEqual([['organisations', 'audit']]);
    await eventually('heartbeats arrive', () => stream.heartbeats >= 2);
    expect(stream.isEnded()).toBe(false);
  });

  it('refuses a request without a session (anonymous tab) with 401, and one without the key', async () => {
    const anonymous = await openStream(server, tabHeaders(server));
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(await anonymous.refusal)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', params: { transport: 'session' } } });
    const keyless = await openStream(server, { [SESSION_HEADER]: await signInTab(server) });
    expect(keyless.status).toBe(401);
    expect(JSON.parse(await keyless.refusal)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a made-up or signed-out session with 401, a malformed one with 400, another origin with 403 and POST with 405', async () => {
    expect((await openStream(server, tabHeaders(server, 'made-up-session-id-0123456789abcdefghij'))).status).toBe(401);
    expect((await openStream(server, tabHeaders(server, 'not a session id!'))).status).toBe(400);
    const session = await signInTab(server);
    expect((await openStream(server, { ...tabHeaders(server, session), origin: 'https://evil.example' })).status).toBe(403);
    expect((await openStream(server, tabHeaders(server, session), 'POST')).status).toBe(405);
    expect((await invoke(server, 'session:sign-out', {}, session)).body.ok).toBe(true);
    expect((await openStream(server, tabHeaders(server, session))).status).toBe(401);
  });

  it('ends the stream when its tab signs out, and tells a signed-out tab nothing', async () => {
    const session = await signInTab(server);
    const stream = await openStream(server, tabHeaders(server, session));
    expect(stream.status).toBe(200);
    expect((await invoke(server, 'session:sign-out', {}, session)).body.ok).toBe(true);
    await stream.ended;
    expect(stream.events).toEqual([]);
  });

  it('holds at most the cap of streams per session: a further one ends the oldest', async () => {
    const session = await signInTab(server);
    const first = await openStream(server, tabHeaders(server, session));
    const second = await openStream(server, tabHeaders(server, session));
    const third = await openStream(server, tabHeaders(server, session));
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    await first.ended;
    await core.call(admin, 'organisations:create', { name: 'Cap GmbH' });
    await eventually('the open streams hear the change', () => second.events.length > 0 && third.events.length > 0);
    expect([second.isEnded(), third.isEnded()]).toEqual([false, false]);
    second.close();
    third.close();
  });

  it('ends every stream when the server stops', async () => {
    const other = await serve(core);
    const stream = await openStream(other, tabHeaders(other, await signInTab(other)));
    expect(stream.status).toBe(200);
    await other.close();
    await stream.ended;
    expect(stream.isEnded()).toBe(true);
  });
});

describe('browser mode change stream, two cores on one PostgreSQL database', () => {
  let database: ThrowawayDatabase;
  let served: PortierCore;
  let other: PortierCore;
  let otherAdmin: SessionSlot;
  let server: BrowserServer;

  beforeAll(async () => {
    if (!pgUp) return;
    database = await throwawayDatabase();
    cleanups.push(() => database.drop());
    const open = async () => {
      const data = tempDataDir('portier-change-stream-pg-');
      const core = await openPortierCore({ dataDir: data.dir, databaseUrl: database.url, ...onError });
      cleanups.push(data.remove, () => core.close());
      return core;
    };
    served = await open();
    other = await open();
    await served.call(newSessionSlot(), 'setup:create-administrator', { ...ADMIN });
    otherAdmin = await signedIn(other, ADMIN.email, ADMIN.password);
    server = await serve(served);
  }, 60_000);

  it.skipIf(!pgUp)(`tells a tab of one process what another process changed${pgUp ? '' : NO_POSTGRES}`, async () => {
    const stream = await openStream(server, tabHeaders(server, await signInTab(server)));
    expect(stream.status).toBe(200);
    await other.call(otherAdmin, 'organisations:create', { name: 'Zweiter Prozess GmbH' });
    await eventually('the other process’s change is told', () => stream.events.some((domains) => domains.includes('organisations')));
    expect(stream.events.flat()).toEqual(expect.arrayContaining(['organisations', 'audit']));
  });

  it.skipIf(!pgUp)(`tells a tab what another process's outbox worker did outside any call${pgUp ? '' : NO_POSTGRES}`, async () => {
    const stream = await openStream(server, tabHeaders(server, await signInTab(server)));
    expect(stream.status).toBe(200);
    // Queued outside any call: announced without a domain, so nobody is told yet.
    const now = new Date();
    await outboxQueue(other.deps.secretBox)(other.deps.db, { kind: 'activation', to: 'customer@example.com', subject: 'Hello', html: '<p>Hello</p>', text: 'Hello', accountId: null }, now);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.events.flat()).not.toContain('outbox');
    // Without SMTP settings the worker writes the mail as an .eml file and marks it so: an outbox change.
    const worker = new OutboxWorker({ deps: other.deps, dataDir: other.dataDir });
    expect(await worker.runOnce()).toMatchObject({ smtpConfigured: false, emlWritten: 1 });
    await worker.stop();
    await eventually('the worker’s change is told', () => stream.events.some((domains) => domains.includes('outbox')));
  });
});
