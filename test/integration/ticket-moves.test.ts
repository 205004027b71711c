import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api';
import type { TicketMoveTimeOption } from '../../shared/api/ticket-moves';
import { databaseFingerprint, errorOf, startTestCore, type TestCore } from '../support/core';
import { ticketMovesWorld, type TicketMovesWorld } from '../support/ticket-moves-world';

let t: TestCore;
let world: TicketMovesWorld;
let staffId: number;
/** Old: the tickets' primary project; New: where they go; Side: a secondary assignment's project. */
let old: { projectId: number; taskId: number };
let target: { projectId: number; taskId: number };
let side: { projectId: number; taskId: number };

beforeAll(async () => {
  t = await startTestCore();
  staffId = (await t.call('session:current', {}))?.id ?? 0;
  world = ticketMovesWorld(t.core.deps.db, staffId);
  old = await world.project('Old');
  target = await world.project('New');
  side = await world.project('Side');
});
afterAll(() => t.close());

const moveInput = (ticketIds: number[], withTime: TicketMoveTimeOption, alwaysKeepOldAsSecondary = false): InputOf<'tickets:move'> => ({
  ticketIds,
  projectId: target.projectId,
  taskId: target.taskId,
  withTime,
  alwaysKeepOldAsSecondary,
});

/** Where a ticket is and where each of its entries lies, by the names Old/New/Side. */
async function stateOf(ticketId: number) {
  const db = t.core.deps.db;
  const name = (projectId: number, taskId: number | null) =>
    `${projectId === old.projectId ? 'Old' : projectId === target.projectId ? 'New' : projectId === side.projectId ? 'Side' : '?'}${
      taskId === null ? '' : taskId === old.taskId || taskId === target.taskId || taskId === side.taskId ? '' : '/other-task'
    }`;
  const ticket = await db.selectFrom('ticket').select(['project_id', 'task_id']).where('id', '=', ticketId).executeTakeFirstOrThrow();
  const assignments = await db.selectFrom('ticket_assignment').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
  const entries = await db.selectFrom('time_entry').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
  // Every entry still lies on its ticket's primary project or one of its secondary assignments.
  for (const e of entries) {
    expect(e.project_id === ticket.project_id || assignments.some((a) => a.project_id === e.project_id), `entry ${e.id} lies on no assignment`).toBe(true);
    // An entry keeps the task of the project it lies on.
    if (e.project_id === target.projectId) expect(e.task_id).toBe(target.taskId);
  }
  return {
    primary: name(ticket.project_id, ticket.task_id),
    assignments: assignments.map((a) => `${name(a.project_id, a.task_id)}:${a.origin}`),
    entries: entries.map((e) => `${name(e.project_id, e.task_id)}${e.locked_at ? ':locked' : ''}:${e.minutes}`),
  };
}

type Time = 'none' | 'unlocked' | 'locked' | 'secondary';
const TIMES: readonly Time[] = ['none', 'unlocked', 'locked', 'secondary'];
const OPTIONS: readonly TicketMoveTimeOption[] = ['keep_primary', 'rebook', 'keep_as_secondary'];

/** A ticket on Old with the time of the case: 30 unlocked minutes on Old, 45 locked ones on Old, or 20 on a manual assignment to Side. */
async function ticketWith(time: Time): Promise<number> {
  const id = await world.ticket(old);
  if (time === 'unlocked') await world.entry(id, old, 30);
  if (time === 'locked') await world.entry(id, old, 45, { locked: true });
  if (time === 'secondary') {
    await world.assignment(id, side);
    await world.entry(id, side, 20);
  }
  return id;
}

/*
 * The 24 cases, written out rather than computed: option, always keep, time ->
 * outcome, primary after, entries after, assignments after, minutes moved, locked kept (entries/minutes).
 */
type Expected = [outcome: string, primary: string, entries: string[], assignments: string[], minutesMoved: number, lockedKept: [number, number]];
const KEPT = 'Old:kept_on_move';
const SIDE = 'Side:manual';
const CASES: Record<TicketMoveTimeOption, Record<'keep' | 'no-keep', Record<Time, Expected>>> = {
  keep_primary: {
    'no-keep': {
      none: ['moved', 'New', [], [], 0, [0, 0]],
      unlocked: ['skipped_has_time', 'Old', ['Old:30'], [], 0, [0, 0]],
      locked: ['skipped_has_time', 'Old', ['Old:locked:45'], [], 0, [0, 0]],
      secondary: ['moved', 'New', ['Side:20'], [SIDE], 0, [0, 0]],
    },
    keep: {
      none: ['moved', 'New', [], [KEPT], 0, [0, 0]],
      unlocked: ['skipped_has_time', 'Old', ['Old:30'], [], 0, [0, 0]],
      locked: ['skipped_has_time', 'Old', ['Old:locked:45'], [], 0, [0, 0]],
      secondary: ['moved', 'New', ['Side:20'], [SIDE, KEPT], 0, [0, 0]],
    },
  },
  rebook: {
    'no-keep': {
      none: ['moved', 'New', [], [], 0, [0, 0]],
      unlocked: ['moved', 'New', ['New:30'], [], 30, [0, 0]],
      locked: ['moved', 'New', ['Old:locked:45'], [KEPT], 0, [1, 45]],
      secondary: ['moved', 'New', ['Side:20'], [SIDE], 0, [0, 0]],
    },
    keep: {
      none: ['moved', 'New', [], [KEPT], 0, [0, 0]],
      unlocked: ['moved', 'New', ['New:30'], [KEPT], 30, [0, 0]],
      locked: ['moved', 'New', ['Old:locked:45'], [KEPT], 0, [1, 45]],
      secondary: ['moved', 'New', ['Side:20'], [SIDE, KEPT], 0, [0, 0]],
    },
  },
  keep_as_secondary: {
    'no-keep': {
      none: ['moved', 'New', [], [], 0, [0, 0]],
      unlocked: ['moved', 'New', ['Old:30'], [KEPT], 0, [0, 0]],
      locked: ['moved', 'New', ['Old:locked:45'], [KEPT], 0, [0, 0]],
      secondary: ['moved', 'New', ['Side:20'], [SIDE], 0, [0, 0]],
    },
    keep: {
      none: ['moved', 'New', [], [KEPT], 0, [0, 0]],
      unlocked: ['moved', 'New', ['Old:30'], [KEPT], 0, [0, 0]],
      locked: ['moved', 'New', ['Old:locked:45'], [KEPT], 0, [0, 0]],
      secondary: ['moved', 'New', ['Side:20'], [SIDE, KEPT], 0, [0, 0]],
    },
  },
};

describe('moving tickets to another primary project', () => {
  for (const option of OPTIONS) {
    for (const always of [false, true]) {
      for (const time of TIMES) {
        const [outcome, primary, entries, assignments, minutesMoved, [lockedEntries, lockedMinutes]] = CASES[option][always ? 'keep' : 'no-keep'][time];
        it(`${option}, always keep old as secondary ${always}, ${time} time: ${outcome}`, async () => {
          const id = await ticketWith(time);
          const report = await t.call('tickets:move', moveInput([id], option, always));
          expect(report.done).toBe(true);
          expect(report.rows).toHaveLength(1);
          const row = report.rows[0];
          expect(row).toMatchObject({
            ticketId: id,
            outcome,
            from: { projectId: old.projectId, projectName: 'Old', taskId: old.taskId, taskName: 'Old task' },
            to: { projectId: target.projectId, projectName: 'New', taskId: target.taskId, taskName: 'New task' },
            minutesMoved,
            entriesMoved: minutesMoved > 0 ? 1 : 0,
            lockedEntriesKept: lockedEntries,
            lockedMinutesKept: lockedMinutes,
          });
          expect(row?.secondaryAssignmentAdded).toEqual(assignments.includes(KEPT) ? row?.from : null);
          expect(await stateOf(id)).toEqual({ primary, entries, assignments });
        });
      }
    }
  }
});

describe('the move', () => {
  it('rebooks unlocked entries and keeps locked ones on the old project, which stays a secondary assignment', async () => {
    const id = await ticketWith('unlocked');
    await world.entry(id, old, 45, { locked: true });
    await world.entry(id, old, 15);
    const report = await t.call('tickets:move', moveInput([id], 'rebook'));
    expect(report.totals).toMatchObject({ moved: 1, entriesMoved: 2, minutesMoved: 45, lockedEntriesKept: 1, lockedMinutesKept: 45, secondaryAssignmentsAdded: 1 });
    expect(await stateOf(id)).toEqual({ primary: 'New', entries: ['New:30', 'Old:locked:45', 'New:15'], assignments: [KEPT] });
  });

  it('adds no second assignment when the old primary project is already one', async () => {
    const id = await ticketWith('locked');
    await world.assignment(id, old, 'manual');
    const report = await t.call('tickets:move', moveInput([id], 'rebook', true));
    expect(report.rows[0]?.secondaryAssignmentAdded).toBeNull();
    expect(await stateOf(id)).toMatchObject({ primary: 'New', assignments: ['Old:manual'] });
  });

  it('changes only the task of a ticket already on the project, and leaves one already on the project and task unchanged', async () => {
    const otherTask = await t.core.deps.db.selectFrom('task').select('id').where('project_id', '=', target.projectId).executeTakeFirstOrThrow();
    const secondTask = { projectId: target.projectId, taskId: await world.task(target.projectId, 'Second task') };
    const sameProject = await world.ticket(secondTask);
    await world.entry(sameProject, secondTask, 10);
    const already = await world.ticket(target);
    const report = await t.call('tickets:move', moveInput([sameProject, already], 'rebook', true));
    expect(otherTask.id).toBe(target.taskId);
    expect(report.rows.map((r) => [r.ticketId, r.outcome, r.minutesMoved, r.secondaryAssignmentAdded])).toEqual([
      [sameProject, 'task_changed', 0, null],
      [already, 'unchanged_same_project', 0, null],
    ]);
    const ticket = await t.core.deps.db.selectFrom('ticket').select(['project_id', 'task_id']).where('id', '=', sameProject).executeTakeFirstOrThrow();
    expect(ticket).toEqual({ project_id: target.projectId, task_id: target.taskId });
  });

  it('is idempotent: the same chunk again changes nothing and writes no audit entry', async () => {
    const ids = [await ticketWith('unlocked'), await ticketWith('none')];
    const first = await t.call('tickets:move', moveInput(ids, 'rebook'));
    expect(first.totals).toMatchObject({ tickets: 2, moved: 2, minutesMoved: 30 });
    const before = await databaseFingerprint(t.core);
    const again = await t.call('tickets:move', moveInput(ids, 'rebook'));
    expect(again.totals).toMatchObject({ tickets: 2, moved: 0, unchanged: 2, minutesMoved: 0 });
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('answers ids of tickets that do not exist, once each, and moves the others', async () => {
    const id = await ticketWith('none');
    const report = await t.call('tickets:move', moveInput([999_999, id, id, 999_999], 'rebook'));
    expect(report.notFoundTicketIds).toEqual([999_999]);
    expect(report.rows.map((r) => r.ticketId)).toEqual([id]);
  });

  it('writes one audit entry per ticket changed, with the primary project before and after', async () => {
    const moved = await ticketWith('unlocked');
    const skipped = await ticketWith('locked');
    await t.call('tickets:move', moveInput([moved, skipped], 'keep_primary', true));
    await t.call('tickets:move', moveInput([skipped], 'rebook'));
    const entriesOf = async (id: number) => (await t.call('audit:list', { entity: 'ticket', entityId: id })).rows;
    // keep_primary skips the ticket with time: no entry for it from the first call.
    expect(await entriesOf(moved)).toEqual([]);
    const [entry, ...more] = await entriesOf(skipped);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: 'primary-project-changed',
      staffId,
      label: expect.stringMatching(/^T-\d+ Ticket \d+$/),
      before: { primaryProjectId: old.projectId, primaryTaskId: old.taskId },
      after: { primaryProjectId: target.projectId, primaryTaskId: target.taskId, keptAsSecondary: true, rebookedEntries: 0, rebookedMinutes: 0 },
    });
  });
});

describe('the dry run', () => {
  it('changes nothing and answers what the move then does', async () => {
    const ids = await Promise.all(TIMES.map((time) => ticketWith(time)));
    const input = moveInput(ids, 'rebook', true);
    const before = await databaseFingerprint(t.core);
    const preview = await t.call('tickets:move-preview', input);
    expect(await databaseFingerprint(t.core)).toBe(before);
    expect(preview.done).toBe(false);
    expect(preview.totals).toMatchObject({ tickets: 4, moved: 4, minutesMoved: 30, lockedEntriesKept: 1, lockedMinutesKept: 45, secondaryAssignmentsAdded: 4 });
    const done = await t.call('tickets:move', input);
    expect(done).toEqual({ ...preview, done: true });
  });
});

describe('the target', () => {
  it('refuses a task of another project with a field error, and changes nothing', async () => {
    const id = await ticketWith('unlocked');
    const before = await databaseFingerprint(t.core);
    for (const channel of ['tickets:move-preview', 'tickets:move'] as const) {
      const error = await errorOf(t.call(channel, { ...moveInput([id], 'rebook'), taskId: side.taskId }));
      expect(error.code).toBe('VALIDATION');
      expect(error.fields).toEqual({ taskId: { code: 'invalid_value' } });
    }
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('refuses a project or task that does not exist', async () => {
    const id = await ticketWith('none');
    expect((await errorOf(t.call('tickets:move', { ...moveInput([id], 'rebook'), projectId: 999_999 }))).fields).toEqual({ projectId: { code: 'not_found' } });
    expect((await errorOf(t.call('tickets:move', { ...moveInput([id], 'rebook'), taskId: 999_999 }))).fields).toEqual({ taskId: { code: 'not_found' } });
  });

  it('takes at most 10,000 tickets in one call', async () => {
    const error = await errorOf(t.call('tickets:move-preview', moveInput(Array.from({ length: 10_001 }, (_, i) => i + 1), 'rebook')));
    expect(error.code).toBe('VALIDATION');
  });
});
