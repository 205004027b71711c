import fs from 'node:fs';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api';
import type { TicketJobReport } from '../../shared/api/ticket-jobs';
import type { SessionSlot } from '../../electron/core/auth/session';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { resolveTicketTarget } from '../../electron/core/tickets/ticket-target';
import { databaseFingerprint, errorOf, signedIn, startTestCore, tempDataDir, type TestCore } from '../support/core';
import { ticketMovesWorld, type TicketMovesWorld } from '../support/ticket-moves-world';
import { onPostgres } from '../support/test-database';

/*
 * Bulk ticket actions as jobs (issue 11, point 8): one transaction for the whole action, in
 * steps of 500 with progress in between, a stop that rolls everything back, an error that does
 * the same, and jobs that belong to whoever started them. On real SQLite files.
 */

/** A fixed clock: two cores doing the same work write the same rows (timestamps included). */
const clock = () => new Date('2026-03-10T10:00:00.000Z');

let t: TestCore;
let world: TicketMovesWorld;
let staffId: number;
let sam: SessionSlot;
let from: { projectId: number; taskId: number };
let to: { projectId: number; taskId: number };

beforeAll(async () => {
  t = await startTestCore({ clock });
  staffId = (await t.call('session:current', {}))?.id ?? 0;
  await t.call('staff:create', { name: 'Sam', email: 'sam@example.com', password: 'Quiet-Harbour-79', role: 'staff', mayGrantAccess: false });
  sam = await signedIn(t.core, 'sam@example.com', 'Quiet-Harbour-79');
  world = ticketMovesWorld(t.core.deps.db, staffId);
  from = await world.project('Helpdesk 2025');
  to = await world.project('Helpdesk 2026');
});
afterAll(() => t.close());

/** N tickets on FROM, each with 30 unlocked minutes there, every 4th also 15 locked ones; written in one transaction. */
async function ticketsWithTime(n: number, at = from): Promise<number[]> {
  const ids: number[] = [];
  await t.core.deps.db.transaction().execute(async (trx) => {
    const w = ticketMovesWorld(trx, staffId);
    for (let i = 0; i < n; i++) {
      const id = await w.ticket(at);
      await w.entry(id, at, 30);
      if (i % 4 === 0) await w.entry(id, at, 15, { locked: true });
      ids.push(id);
    }
  });
  return ids;
}

const moveInput = (ticketIds: number[]): InputOf<'tickets:move'> => ({ ticketIds, projectId: to.projectId, taskId: to.taskId, withTime: 'rebook' });

interface Finished {
  report: TicketJobReport;
  total: number;
  /** Every `done` the status calls answered while the job ran. */
  seen: number[];
}

/**
 * Asks a job's status until it has ended, as the screen does (a timer between calls, so the
 * job gets its turns); `whileRunning` runs after each answer of a running job.
 */
async function untilEnded(core: PortierCore, session: SessionSlot, started: { jobId: string; total: number }, whileRunning?: (done: number) => Promise<void>): Promise<Finished> {
  const seen: number[] = [];
  for (let i = 0; i < 10_000; i++) {
    const status = await core.call(session, 'tickets:job-status', { jobId: started.jobId });
    expect(status.total).toBe(started.total);
    if (status.report) return { report: status.report, total: started.total, seen };
    seen.push(status.done);
    await whileRunning?.(status.done);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error('the job did not end');
}

const auditCount = async (ids: readonly number[], action: string) =>
  Number(
    (
      await t.core.deps.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity', '=', 'ticket')
        .where('entity_id', 'in', ids)
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a move job', () => {
  // The twin is a copy of the SQLite file; a PostgreSQL database cannot be copied while the core is connected to it.
  it.skipIf(onPostgres)(`moves 1,200 tickets with progress between its steps, and leaves the database exactly as one tickets:move call does${onPostgres ? ' (SQLite only: the twin is a copy of the database file)' : ''}`, async () => {
    const ids = await ticketsWithTime(1_200);
    // A twin of the database, for the one-call move to run on.
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(t.core.deps.db);
    const twinDir = tempDataDir('portier-twin-');
    fs.cpSync(t.core.dataDir, twinDir.dir, { recursive: true });
    const twin = await openPortierCore({ dataDir: twinDir.dir, clock });
    try {
      const preview = await t.call('tickets:move-preview', moveInput(ids));
      const started = await t.call('tickets:move-start', moveInput(ids));
      expect(started.total).toBe(1_200);
      const { report, seen } = await untilEnded(t.core, t.admin, started);
      // Status calls were answered between the steps of 500, while the transaction was open.
      expect(seen.some((done) => done > 0 && done < 1_200), `progress seen: ${seen.join(', ')}`).toBe(true);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(report.kind).toBe('move');
      if (report.kind !== 'move') return;
      expect(report.move).toEqual({ ...preview, done: true });
      expect(report.move.totals).toMatchObject({ tickets: 1_200, moved: 1_200, entriesMoved: 1_200, lockedEntriesKept: 300, secondaryAssignmentsAdded: 300 });
      expect(await auditCount(ids, 'primary-project-changed')).toBe(1_200);

      const oneCall = await twin.call(t.admin, 'tickets:move', moveInput(ids));
      expect(report.move).toEqual(oneCall);
      expect(await databaseFingerprint(t.core)).toBe(await databaseFingerprint(twin));
    } finally {
      await twin.close();
      twinDir.remove();
    }
  });

  it('stopped halfway, rolls back: every ticket, time entry and audit entry is as before', async () => {
    const ids = await ticketsWithTime(1_200);
    const before = await databaseFingerprint(t.core);
    const started = await t.call('tickets:move-start', moveInput(ids));
    let cancelled: boolean | null = null;
    const { report } = await untilEnded(t.core, t.admin, started, async (done) => {
      if (done > 0 && cancelled === null) cancelled = (await t.call('tickets:job-cancel', { jobId: started.jobId })).cancelled;
    });
    expect(cancelled).toBe(true);
    expect(report).toEqual({ kind: 'cancelled' });
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('failing in a later step, rolls back the earlier ones too, and its status answers the error', async () => {
    const ids = await ticketsWithTime(1_200);
    const last = ids[ids.length - 1] ?? 0;
    // A real refusal from the database in the third step: a trigger that aborts the last ticket's move
    // (on SQLite a temporary one, on this connection; on PostgreSQL on the test's own database).
    if (onPostgres) {
      await sql
        .raw(`CREATE FUNCTION refuse_last_ticket() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`)
        .execute(t.core.deps.db);
      await sql
        .raw(`CREATE TRIGGER refuse_last_ticket BEFORE UPDATE OF project_id ON ticket FOR EACH ROW WHEN (old.id = ${last}) EXECUTE FUNCTION refuse_last_ticket()`)
        .execute(t.core.deps.db);
    } else {
      await sql
        .raw(`CREATE TEMP TRIGGER refuse_last_ticket BEFORE UPDATE OF project_id ON ticket WHEN old.id = ${last} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`)
        .execute(t.core.deps.db);
    }
    try {
      const before = await databaseFingerprint(t.core);
      const { jobId } = await t.call('tickets:move-start', moveInput(ids));
      const seen: number[] = [];
      const error = await errorOf(
        (async () => {
          for (;;) {
            seen.push((await t.call('tickets:job-status', { jobId })).done);
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
        })(),
      );
      expect(error.code).toBe('INTERNAL');
      expect(Math.max(...seen)).toBeGreaterThanOrEqual(1_000);
      expect(await databaseFingerprint(t.core)).toBe(before);
      // The error was handed out once: the job is gone.
      expect((await errorOf(t.call('tickets:job-status', { jobId }))).code).toBe('NOT_FOUND');
    } finally {
      if (onPostgres) await sql`DROP TRIGGER refuse_last_ticket ON ticket`.execute(t.core.deps.db);
      else await sql`DROP TRIGGER temp.refuse_last_ticket`.execute(t.core.deps.db);
    }
  });

  it('answers a wrong input at once, and starts no job', async () => {
    const [id = 0] = await ticketsWithTime(1);
    const error = await errorOf(t.call('tickets:move-start', { ...moveInput([id]), taskId: from.taskId }));
    expect(error.fields).toEqual({ taskId: { code: 'invalid_value' } });
  });
});

describe('a bulk update job', () => {
  it('updates 1,200 tickets with progress, one audit entry per ticket; stopped, it changes nothing', async () => {
    const ids = await ticketsWithTime(1_200);
    const before = await databaseFingerprint(t.core);
    const stopped = await t.call('tickets:bulk-update-start', { ticketIds: ids, changes: { status: 'closed', priority: 'high' } });
    const { report: cancelled } = await untilEnded(t.core, t.admin, stopped, async (done) => {
      if (done === 500) await t.call('tickets:job-cancel', { jobId: stopped.jobId });
    });
    expect(cancelled).toEqual({ kind: 'cancelled' });
    expect(await databaseFingerprint(t.core)).toBe(before);

    const preview = await t.call('tickets:bulk-update', { ticketIds: ids, changes: { status: 'closed', priority: 'high' }, preview: true });
    const started = await t.call('tickets:bulk-update-start', { ticketIds: ids, changes: { status: 'closed', priority: 'high' } });
    const { report, seen } = await untilEnded(t.core, t.admin, started);
    expect(seen.some((done) => done > 0 && done < 1_200)).toBe(true);
    expect(report).toEqual({ kind: 'bulk-update', update: { ...preview, done: true } });
    expect(await auditCount(ids, 'updated')).toBe(1_200);
  });
});

describe('whose job it is', () => {
  it('is NOT_FOUND for another staff user, who can neither read nor stop it', async () => {
    const ids = await ticketsWithTime(600);
    const started = await t.call('tickets:bulk-update-start', { ticketIds: ids, changes: { priority: 'low' } });
    expect((await errorOf(t.core.call(sam, 'tickets:job-status', { jobId: started.jobId }))).code).toBe('NOT_FOUND');
    expect((await errorOf(t.core.call(sam, 'tickets:job-cancel', { jobId: started.jobId }))).code).toBe('NOT_FOUND');
    const { report } = await untilEnded(t.core, t.admin, started);
    expect(report.kind).toBe('bulk-update');
  });

  // On SQLite a second writer waits for the first one's transaction; on PostgreSQL both run side by side (SERIALIZABLE, the later one retried).
  it.skipIf(onPostgres)(`refuses a second job from the same sign-in while one runs; another user’s start waits for the first job’s transaction${onPostgres ? ' (SQLite only: its one writer at a time)' : ''}`, async () => {
    const ids = await ticketsWithTime(1_000);
    const first = await t.call('tickets:bulk-update-start', { ticketIds: ids, changes: { priority: 'urgent' } });
    const again = await errorOf(t.call('tickets:move-start', moveInput(ids)));
    expect(again.code).toBe('CONFLICT');
    expect(again.params).toEqual({ reason: 'ticket_job_running' });

    // Sam's start waits (at its sign-in check) for the first job's transaction: it is answered after the commit, never during the job.
    const reader = new Database(t.core.databaseFile, { readonly: true });
    let samAnswered = false;
    const samStarts = t.core.call(sam, 'tickets:bulk-update-start', { ticketIds: ids, changes: { priority: 'low' } }).then((started) => {
      samAnswered = true;
      const urgent = reader.prepare(`SELECT count(*) AS n FROM ticket WHERE priority = 'urgent' AND id IN (SELECT value FROM json_each(?))`).get(JSON.stringify(ids)) as { n: number };
      expect(urgent.n, 'the first job had committed when Sam was answered').toBe(1_000);
      return started;
    });
    const answeredWhileRunning: boolean[] = [];
    try {
      const { report, seen } = await untilEnded(t.core, t.admin, first, async () => void answeredWhileRunning.push(samAnswered));
      expect(report.kind).toBe('bulk-update');
      expect(seen.some((done) => done > 0 && done < 1_000)).toBe(true);
      expect(answeredWhileRunning).not.toContain(true);
      const { report: samsReport } = await untilEnded(t.core, sam, await samStarts);
      expect(samsReport.kind === 'bulk-update' && samsReport.update.totals.changed).toBe(1_000);
    } finally {
      reader.close();
    }
    const priorities = await t.core.deps.db.selectFrom('ticket').select('priority').distinct().where('id', 'in', ids).execute();
    expect(priorities).toEqual([{ priority: 'low' }]);
  });
});

describe('"everything the filter shows" in the view-as list', () => {
  it('resolves exactly the tickets the view-as list shows, less exceptIds, and refuses more than the maximum', async () => {
    const organisation = await t.call('organisations:create', { name: 'Brouwerij De Ster' });
    const person = await t.call('persons:create', { organisationId: organisation.id, firstName: 'Anna', lastName: 'Peeters' });
    const seen = await world.project('Webshop', organisation.id);
    const unseen = await world.project('Intranet', organisation.id);
    await t.call('ticket-rights:grant', { holder: { personId: person.id }, projectId: seen.projectId, scope: 'all_tasks' });
    const visible: number[] = [];
    for (let i = 0; i < 7; i++) visible.push(await world.ticket(seen, `Printer ${i}`));
    await world.ticket(unseen, 'Printer elsewhere');
    await t.core.deps.db.updateTable('ticket').set({ status: 'done' }).where('id', '=', visible[2] ?? 0).execute();

    const contact = { personId: person.id };
    const filter: InputOf<'ticket-view:list'> = { contact, quickLink: 'open', search: 'printer', sort: 'number', direction: 'desc' };
    const listed = (await t.call('ticket-view:list', { ...filter, offset: 0, limit: 500 })).rows.map((r) => r.id);
    expect(listed).toHaveLength(6);
    const viewAs = { contact, filter: { quickLink: 'open' as const, search: 'printer', sort: 'number' as const, direction: 'desc' as const } };
    expect(await resolveTicketTarget(t.core.deps.db, { viewAs, exceptIds: [] }, 10_000, clock())).toEqual(listed);
    const [firstListed = 0] = listed;
    expect(await resolveTicketTarget(t.core.deps.db, { viewAs, exceptIds: [firstListed] }, 10_000, clock())).toEqual(listed.slice(1));
    const tooMany = await errorOf(resolveTicketTarget(t.core.deps.db, { viewAs, exceptIds: [] }, 5, clock()));
    expect(tooMany.fields).toEqual({ viewAs: { code: 'too_big' } });

    // Through the channels: the dry run and the job take the same tickets.
    const preview = await t.call('tickets:bulk-update', { viewAs, changes: { priority: 'high' }, preview: true });
    expect(preview.rows.map((r) => r.ticketId)).toEqual(listed);
    const { report } = await untilEnded(t.core, t.admin, await t.call('tickets:bulk-update-start', { viewAs, exceptIds: [firstListed], changes: { priority: 'high' } }));
    expect(report.kind === 'bulk-update' && report.update.rows.map((r) => r.ticketId)).toEqual(listed.slice(1));
    const moved = await t.call('tickets:move-preview', { viewAs, projectId: to.projectId, taskId: to.taskId, withTime: 'keep_primary' });
    expect(moved.rows.map((r) => r.ticketId)).toEqual(listed);
  });

  it('refuses a target that names two of ids, filter and view-as filter', async () => {
    const error = await errorOf(t.call('tickets:bulk-update-start', { ticketIds: [1], viewAs: { contact: { personId: 1 }, filter: {} }, changes: { priority: 'high' } }));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toMatchObject({ ticketIds: { code: 'required' } });
  });
});
