import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionSlot } from '../../electron/core/auth/session';
import type { Clock } from '../../electron/core/clock';
import { jobRegistry, type JobStatus } from '../../electron/core/jobs/background-jobs';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { ADMIN, databaseFingerprint, errorOf, signedIn, startTestCore, tempDataDir, type TestCore } from '../support/core';
import { ticketMovesWorld } from '../support/ticket-moves-world';
import { onPostgres } from '../support/test-database';

/*
 * Print jobs and ticket jobs live in the database (issue 13, point 3): a job run by one core is
 * followed, stopped and fetched through another core on the same database (another process, in
 * a shared office), and a job whose process stopped ends as interrupted a minute later. Core A
 * runs the jobs; core B, on the same SQLite file or PostgreSQL database, asks about them.
 */

let a: TestCore;
let b: PortierCore;
let bAdmin: SessionSlot;
let bData: { remove: () => void };
let staffId: number;
/** Core B's clock runs this far ahead of the real time (a minute of silence, ten minutes of waiting). */
let bAhead = 0;
const bClock: Clock = () => new Date(Date.now() + bAhead);

/** Another core on core A's database: the same SQLite file (and key file), or the same PostgreSQL database. */
async function coreBeside(t: TestCore, clock?: Clock): Promise<{ core: PortierCore; remove: () => void }> {
  const data = tempDataDir();
  const dataDir = t.databaseUrl ? data.dir : t.core.dataDir;
  const core = await openPortierCore({ dataDir, ...(t.databaseUrl ? { databaseUrl: t.databaseUrl } : {}), ...(clock ? { clock } : {}) });
  return { core, remove: data.remove };
}

beforeAll(async () => {
  a = await startTestCore();
  staffId = (await a.call('session:current', {}))?.id ?? 0;
  const beside = await coreBeside(a, bClock);
  b = beside.core;
  bData = beside;
  bAdmin = await signedIn(b, ADMIN.email, ADMIN.password);
}, 60_000);
afterAll(async () => {
  await b.close();
  bData.remove();
  await a.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds (asked every 20 ms, for at most 10 s). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await sleep(20);
  }
  throw new Error(`never: ${what}`);
}

/** A promise the test opens when it wants the job's work to go on. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const jobRow = (id: string) => a.core.deps.db.selectFrom('background_job').selectAll().where('id', '=', id).executeTakeFirst();

describe('a job run by core A, through core B', () => {
  /** Jobs with work the test controls: the registry the print and ticket jobs use. */
  const jobs = jobRegistry<{ note: string }>('print', 'No such job.');

  it('shows its progress, hands its result out once (sealed at rest meanwhile), and to its staff user only', async () => {
    const release = gate();
    const id = await jobs.start(a.core.deps, staffId, 10, async (steps) => {
      steps.progress(4);
      await release.opened;
      return { note: 'ACTIVATION-CODE-7Q2X' };
    });
    // Core A writes progress within PROGRESS_WRITE_MS; core B reads it from the row.
    await until(async () => (await jobs.status(b.deps, staffId, id)).done === 4, 'B sees 4 done');
    expect(await jobs.status(b.deps, staffId, id)).toEqual({ done: 4, total: 10, result: null, stopped: false });
    expect((await errorOf(jobs.status(b.deps, staffId + 1, id))).code).toBe('NOT_FOUND');
    expect((await errorOf(jobs.stop(b.deps, staffId + 1, id))).code).toBe('NOT_FOUND');

    release.open();
    await until(async () => (await jobRow(id))?.state === 'done', 'the row says done');
    const row = await jobRow(id);
    expect(row?.result).toMatch(/^v1:/);
    expect(row?.result).not.toContain('ACTIVATION-CODE');
    expect(await jobs.status(b.deps, staffId, id)).toEqual({ done: 10, total: 10, result: { note: 'ACTIVATION-CODE-7Q2X' }, stopped: false });
    expect((await errorOf(jobs.status(b.deps, staffId, id))).code).toBe('NOT_FOUND');
    expect((await errorOf(jobs.status(a.core.deps, staffId, id))).code).toBe('NOT_FOUND');
    expect(await jobRow(id)).toBeUndefined();
  });

  it('stops at its next checkpoint when B asks, and then says so once', async () => {
    const id = await jobs.start(a.core.deps, staffId, 1_000, async (steps) => {
      for (let i = 0; i < 1_000; i++) {
        steps.progress(i);
        await steps.checkpoint();
        await sleep(10);
      }
      return { note: 'ran to the end' };
    });
    expect(await jobs.stop(b.deps, staffId, id)).toBe(true);
    let ended: JobStatus<{ note: string }> | null = null;
    await until(async () => {
      const status = await jobs.status(b.deps, staffId, id);
      if (status.stopped || status.result) ended = status;
      return ended !== null;
    }, 'the job ends');
    expect(ended).toMatchObject({ stopped: true, result: null });
    expect((await errorOf(jobs.status(b.deps, staffId, id))).code).toBe('NOT_FOUND');
  });

  it('stops at its last checkpoint for a stop B asked before it, though A had not heard of it yet', async () => {
    const goOn = gate();
    const id = await jobs.start(a.core.deps, staffId, 1, async (steps) => {
      await goOn.opened;
      await steps.checkpoint({ last: true });
      return { note: 'committed' };
    });
    expect(await jobs.stop(b.deps, staffId, id)).toBe(true);
    goOn.open();
    await until(async () => (await jobRow(id))?.state !== 'running', 'the job ends');
    expect(await jobs.status(b.deps, staffId, id)).toEqual({ done: 0, total: 1, result: null, stopped: true });
  });

  it('refuses a stop from B (and from A) once the work is past its last checkpoint', async () => {
    const atLast = gate();
    const goOn = gate();
    const id = await jobs.start(a.core.deps, staffId, 1, async (steps) => {
      await steps.checkpoint({ last: true });
      atLast.open();
      await goOn.opened;
      return { note: 'committed' };
    });
    await atLast.opened;
    expect(await jobs.stop(b.deps, staffId, id)).toBe(false);
    expect(await jobs.stop(a.core.deps, staffId, id)).toBe(false);
    goOn.open();
    await until(async () => (await jobRow(id))?.state === 'done', 'the row says done');
    expect((await jobs.status(b.deps, staffId, id)).result).toEqual({ note: 'committed' });
  });

  it('ends as interrupted when its process stopped: a minute without a heartbeat, by B’s clock', async () => {
    const c = await coreBeside(a);
    const never = gate();
    const id = await jobs.start(c.core.deps, staffId, 5, async (steps) => {
      steps.progress(2);
      await never.opened;
      return { note: 'never' };
    });
    try {
      await until(async () => (await jobRow(id))?.done === 2, 'C wrote its progress');
      // The process that runs the job stops (its database closed: no more heartbeats).
      await c.core.close();
      bAhead = 59_000;
      expect(await jobs.status(b.deps, staffId, id)).toEqual({ done: 2, total: 5, result: null, stopped: false });
      bAhead = 61_000;
      expect(await jobs.stop(b.deps, staffId, id)).toBe(false);
      const error = await errorOf(jobs.status(b.deps, staffId, id));
      expect(error.code).toBe('JOB_INTERRUPTED');
      expect(error.message).toMatch(/^Interrupted: the process that ran this job stopped/);
      expect((await errorOf(jobs.status(b.deps, staffId, id))).code).toBe('NOT_FOUND');
    } finally {
      bAhead = 0;
      never.open();
      c.remove();
    }
  });

  it('is dropped ten minutes after it ended when nobody fetched it (a print job’s file holds activation codes)', async () => {
    const id = await jobs.start(a.core.deps, staffId, 1, () => Promise.resolve({ note: 'left behind' }));
    await until(async () => (await jobRow(id))?.state === 'done', 'the row says done');
    try {
      // Any job call sweeps: here one for a job that does not exist.
      bAhead = 9 * 60_000;
      expect((await errorOf(jobs.status(b.deps, staffId, 'no-such-job-0000000'))).code).toBe('NOT_FOUND');
      expect(await jobRow(id)).toBeDefined();
      bAhead = 10 * 60_000 + 5_000;
      expect((await errorOf(jobs.status(b.deps, staffId, 'no-such-job-0000000'))).code).toBe('NOT_FOUND');
      expect(await jobRow(id)).toBeUndefined();
      expect((await errorOf(jobs.status(a.core.deps, staffId, id))).code).toBe('NOT_FOUND');
    } finally {
      bAhead = 0;
    }
  });
});

describe('print and ticket jobs through the channels of another core', () => {
  it('a print started on A hands its PDF out through B, once', async () => {
    const org = await a.call('organisations:create', { name: 'Bäckerei Müller GmbH', postalCode: '50667', city: 'Köln', addressLine1: 'Hohe Straße 1', country: 'DE' });
    const person = await a.call('persons:create', { organisationId: org.id, firstName: 'Jürgen', lastName: 'Größe', email: 'j@example.de' });
    const [group] = await a.call('role-groups:list', {});
    const { id } = await a.call('portal-accounts:create', { username: 'j@example.de', links: [{ organisationId: org.id, personId: person.id, isDefault: true }], roleGroupIds: [group?.id ?? 0] });
    await a.call('portal-accounts:send-activation', { ids: [id] });
    const docs = (await a.call('documents:list', { accountId: id })).rows.map((d) => d.id);
    const { jobId } = await a.call('documents:print-start', { ids: docs });
    let file = null;
    for (let polls = 0; polls < 500 && !file; polls++) {
      file = (await b.call(bAdmin, 'documents:print-status', { jobId })).file;
      if (!file) await sleep(20);
    }
    expect(file?.mimeType).toBe('application/pdf');
    expect(Buffer.from(file?.base64 ?? '', 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect((await errorOf(b.call(bAdmin, 'documents:print-status', { jobId }))).code).toBe('NOT_FOUND');
    expect((await errorOf(a.call('documents:print-status', { jobId }))).code).toBe('NOT_FOUND');
  });

  /** N tickets on one project, written in one transaction. */
  async function tickets(n: number): Promise<number[]> {
    const at = await ticketMovesWorld(a.core.deps.db, staffId).project(`Helpdesk ${Math.random().toString(36).slice(2, 8)}`);
    const ids: number[] = [];
    await a.core.deps.db.transaction().execute(async (trx) => {
      const w = ticketMovesWorld(trx, staffId);
      for (let i = 0; i < n; i++) ids.push(await w.ticket(at));
    });
    return ids;
  }

  // On SQLite core A's transaction holds the file's one write lock: B reads the row as the job began until it ends.
  it(`a ticket job started on A is followed through B${onPostgres ? ', with its progress,' : ''} and its report fetched there`, async () => {
    const ids = await tickets(1_200);
    const started = await a.call('tickets:bulk-update-start', { ticketIds: ids, changes: { priority: 'high' } });
    const seen: number[] = [];
    let report = null;
    for (let polls = 0; polls < 2_000 && !report; polls++) {
      const status = await b.call(bAdmin, 'tickets:job-status', { jobId: started.jobId });
      expect(status.total).toBe(1_200);
      report = status.report;
      if (!report) {
        seen.push(status.done);
        await sleep(20);
      }
    }
    expect(report?.kind === 'bulk-update' && report.update.totals.changed).toBe(1_200);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    if (onPostgres) expect(seen.some((done) => done > 0 && done < 1_200), `progress seen: ${seen.join(', ')}`).toBe(true);
    expect((await errorOf(a.call('tickets:job-status', { jobId: started.jobId }))).code).toBe('NOT_FOUND');
  });

  // On SQLite another core's stop is a write, and waits for the job's transaction (SQLite's one writer) until the job has committed.
  it.skipIf(!onPostgres)(`a ticket job started on A and cancelled through B rolls back whole${onPostgres ? '' : ' (PostgreSQL only: on SQLite a stop from another core waits for the job’s transaction)'}`, async () => {
    const ids = await tickets(1_200);
    const before = await databaseFingerprint(a.core);
    const started = await a.call('tickets:bulk-update-start', { ticketIds: ids, changes: { status: 'closed' } });
    expect((await b.call(bAdmin, 'tickets:job-cancel', { jobId: started.jobId })).cancelled).toBe(true);
    let report = null;
    for (let polls = 0; polls < 2_000 && !report; polls++) {
      report = (await b.call(bAdmin, 'tickets:job-status', { jobId: started.jobId })).report;
      if (!report) await sleep(20);
    }
    expect(report).toEqual({ kind: 'cancelled' });
    expect(await databaseFingerprint(a.core)).toBe(before);
  });
});
