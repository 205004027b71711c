import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Domain } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { newSessionSlot, type SessionSlot } from '../../electron/core/auth/session';
import { changesOf, parseChangeNotice, CHANGES_CHANNEL, type ChangeNotice } from '../../electron/core/db/dialect/postgres-changes';
import { dialectOf } from '../../electron/core/db/dialect/of-database';
import { readThrough } from '../../electron/core/db/read-cache';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { writeSetting } from '../../electron/core/settings/setting-repository';
import { DEFAULT_ACTIVATION_SETTINGS } from '../../shared/api/activation-settings';
import { ADMIN, signedIn, tempDataDir } from '../support/core';
import { NO_POSTGRES, POSTGRES_ADMIN_URL, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';

/**
 * Issue 13, point 3: two cores (two desktops, a desktop and the portal...) on one PostgreSQL
 * database hear each other's changes through LISTEN/NOTIFY, and the read cache answers from
 * memory only while nothing changed anywhere.
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;

let database: ThrowawayDatabase;
const dataDirs: { remove: () => void }[] = [];
let a: PortierCore;
let b: PortierCore;
let adminA: SessionSlot;
let adminB: SessionSlot;

async function openCore(): Promise<PortierCore> {
  const data = tempDataDir('portier-pg-changes-');
  dataDirs.push(data);
  const onError = process.env.PORTIER_TEST_SHOW_ERRORS === '1' ? (channel: string, error: unknown) => console.error(channel, error) : undefined;
  return openPortierCore({ dataDir: data.dir, databaseUrl: database.url, ...(onError ? { onError } : {}) });
}

beforeAll(async () => {
  if (!pgUp) return;
  database = await throwawayDatabase();
  a = await openCore();
  b = await openCore();
  adminA = newSessionSlot();
  await a.call(adminA, 'setup:create-administrator', { ...ADMIN });
  adminB = await signedIn(b, ADMIN.email, ADMIN.password);
  // The set-up's notices reach the other core within milliseconds: let them pass before the tests listen.
  await new Promise((resolve) => setTimeout(resolve, 300));
}, 60_000);

afterAll(async () => {
  if (!pgUp) return;
  await a.close();
  await b.close();
  await database.drop();
  for (const data of dataDirs) data.remove();
});

/** Waits until `check` holds (polling), or fails saying what did not happen. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What a core's onChanged listeners are told, from now on. */
function heardBy(core: PortierCore): { calls: (readonly Domain[])[]; stop: () => void } {
  const calls: (readonly Domain[])[] = [];
  const stop = core.onChanged((domains) => calls.push(domains));
  return { calls, stop };
}

/** A read through B's read cache that counts how often it really reads. */
function organisationCountOf(core: PortierCore, key: string) {
  const counter = { reads: 0 };
  const read = () =>
    readThrough(core.deps, `test:organisation-count:${key}`, async () => {
      counter.reads += 1;
      return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM organisation`.execute(core.deps.db)).rows[0]?.n ?? -1;
    });
  return { read, counter };
}

/** A client of the test's own that LISTENs like a core, to see every notice that is sent. */
async function noticeWatcher(): Promise<{ notices: ChangeNotice[]; end: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: database.url });
  const notices: ChangeNotice[] = [];
  client.on('notification', (message) => {
    const notice = parseChangeNotice(message.payload);
    if (notice) notices.push(notice);
  });
  await client.connect();
  await client.query(`LISTEN ${CHANGES_CHANNEL}`);
  return { notices, end: () => client.end() };
}

/** Whether the core's read cache marker changes on every call (no LISTEN connection). */
async function deaf(core: PortierCore): Promise<boolean> {
  const dialect = dialectOf(core.deps.db);
  return (await dialect.changeMarker(core.deps.db)) !== (await dialect.changeMarker(core.deps.db));
}

/** The backends of the cores' LISTEN connections (named after their instance). */
async function listenBackends(core: PortierCore): Promise<number[]> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [`portier-changes ${changesOf(core.deps.db)?.instance}`]);
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

describe('changes between processes on PostgreSQL', () => {
  it.skipIf(!pgUp)(`a change in core A reaches core B's onChanged with the channel's domains within seconds; A's own listeners hear it once${skip}`, async () => {
    const [heardA, heardB] = [heardBy(a), heardBy(b)];
    try {
      await a.call(adminA, 'organisations:create', { name: 'Brouwerij De Ster' });
      expect(heardA.calls).toEqual([['organisations', 'audit']]);
      await eventually('B hears that organisations changed', () => heardB.calls.flat().includes('organisations'));
      expect(new Set(heardB.calls.flat())).toEqual(new Set(['organisations', 'audit']));
      // A's own notice comes back to A's LISTEN connection too: its listeners are not told twice.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heardA.calls).toEqual([['organisations', 'audit']]);
      // And the other way round.
      await b.call(adminB, 'organisations:create', { name: 'Bakkerij Het Anker' });
      await eventually('A hears what B changed', () => heardA.calls.length === 2);
      expect(new Set(heardA.calls[1])).toEqual(new Set(['organisations', 'audit']));
    } finally {
      heardA.stop();
      heardB.stop();
    }
  });

  it.skipIf(!pgUp)(`a refused call and a rolled-back transaction send no notice; a write outside any call sends one without domains${skip}`, async () => {
    const watcher = await noticeWatcher();
    const heardB = heardBy(b);
    try {
      const before = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM organisation`.execute(a.deps.db)).rows[0]?.n;
      // Refused: not signed in; invalid input; a transaction that throws after writing.
      await expect(a.call(newSessionSlot(), 'organisations:create', { name: 'Nobody signed in' })).rejects.toThrow(AppError);
      await expect(a.call(adminA, 'organisations:create', { name: '' })).rejects.toThrow(AppError);
      const settings = { ...DEFAULT_ACTIVATION_SETTINGS, portalUrl: 'https://rolled-back.example.com/' };
      await expect(
        a.deps.db.transaction().execute(async (trx) => {
          await writeSetting(trx, 'activation', settings);
          throw new Error('rolled back on purpose');
        }),
      ).rejects.toThrow('rolled back on purpose');
      expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM organisation`.execute(a.deps.db)).rows[0]?.n).toBe(before);
      // Notices arrive in commit order: a notice of the above would come before this one's.
      await writeSetting(a.deps.db, 'activation', { ...DEFAULT_ACTIVATION_SETTINGS, portalUrl: 'https://portal.example.com/' });
      await eventually('the write outside any call is announced', () => watcher.notices.length > 0);
      expect(watcher.notices).toEqual([{ instance: changesOf(a.deps.db)?.instance, domains: [] }]);
      // A notice without domains changes B's marker but tells B's listeners nothing.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heardB.calls).toEqual([]);
    } finally {
      heardB.stop();
      await watcher.end();
    }
  });

  it.skipIf(!pgUp)(`B's read cache answers from memory while nothing changed, and anew after A's change or its own${skip}`, async () => {
    const { read, counter } = organisationCountOf(b, 'changes');
    const heardB = heardBy(b);
    try {
      const first = await read();
      expect(await read()).toBe(first);
      expect(counter.reads).toBe(1);
      await a.call(adminA, 'organisations:create', { name: 'Café Centraal' });
      await eventually('B hears of it', () => heardB.calls.length > 0);
      expect(await read()).toBe(first + 1);
      expect(await read()).toBe(first + 1);
      expect(counter.reads).toBe(2);
      // B's own commit changes its marker at once, before its own notice comes back.
      await b.call(adminB, 'organisations:create', { name: 'Drukkerij Letterzetter' });
      expect(await read()).toBe(first + 2);
      expect(counter.reads).toBe(3);
    } finally {
      heardB.stop();
    }
  });

  it.skipIf(!pgUp)(`B's LISTEN connection ended by the server: nothing served stale while it is down, then it listens again and notices flow${skip}`, async () => {
    const { read, counter } = organisationCountOf(b, 'reconnect');
    const heardB = heardBy(b);
    try {
      const first = await read();
      await read();
      expect(counter.reads).toBe(1);
      const [backend] = await listenBackends(b);
      expect(backend).toBeGreaterThan(0);
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [backend]);
      await admin.end();
      // The first try to listen again waits a second: B knows it is deaf well before.
      await eventually('B knows it no longer hears the others', () => deaf(b), 900);
      await a.call(adminA, 'organisations:create', { name: 'Tijdens de storing' });
      // A's notice never reached B; B reads anyway, every time.
      const readsBefore = counter.reads;
      expect(await read()).toBe(first + 1);
      expect(await read()).toBe(first + 1);
      expect(counter.reads).toBe(readsBefore + 2);
      // Listening again: B's listeners are told every domain may have changed meanwhile.
      await eventually('B listens again', async () => !(await deaf(b)), 10_000);
      await eventually('B tells its listeners what it may have missed', () => heardB.calls.flat().includes('portal-accounts'));
      const [again] = await listenBackends(b);
      expect(again).toBeGreaterThan(0);
      expect(again).not.toBe(backend);
      heardB.calls.length = 0;
      await a.call(adminA, 'organisations:create', { name: 'Na de storing' });
      await eventually('B hears A again', () => heardB.calls.flat().includes('organisations'));
      expect(await read()).toBe(first + 2);
      const readsAfter = counter.reads;
      expect(await read()).toBe(first + 2);
      expect(counter.reads).toBe(readsAfter);
    } finally {
      heardB.stop();
    }
  });

  it.skipIf(!pgUp)(`core.close() closes the LISTEN connection${skip}`, async () => {
    const c = await openCore();
    const [backend] = await listenBackends(c);
    expect(backend).toBeGreaterThan(0);
    const pid = backend;
    await c.close();
    await eventually('the LISTEN connection is gone', async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      try {
        return (await client.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount === 0;
      } finally {
        await client.end();
      }
    });
  });
});
