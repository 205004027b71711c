// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { BulkUpdateDialog } from '../../../renderer/src/features/tickets/bulk/BulkUpdateDialog';
import { MoveTicketsDialog } from '../../../renderer/src/features/tickets/bulk/MoveTicketsDialog';
import { ViewAsScreen } from '../../../renderer/src/features/view-as/ViewAsScreen';
import type { InputOf } from '../../../shared/api';
import type { TicketBulkReport } from '../../../shared/api/ticket-bulk';
import type { TicketJobReport, TicketJobStatus } from '../../../shared/api/ticket-jobs';
import { AppError } from '../../../shared/errors';
import type { TicketMoveReport, TicketMoveRow } from '../../../shared/api/ticket-moves';
import { project, staffMember, task } from './support/fixtures';
import { pick } from './support/picker';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

type BulkInput = InputOf<'tickets:bulk-update'>;
const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** What the core answers: every ticket changed (or would be, in a preview). */
const bulkReport = (ticketIds: readonly number[], done: boolean): TicketBulkReport => ({
  done,
  rows: ticketIds.map((id) => ({ ticketId: id, number: 10000 + id, title: `Ticket ${id}`, outcome: 'changed', reason: null, fields: ['status'] })),
  totals: { tickets: ticketIds.length, changed: ticketIds.length, unchanged: 0, refused: 0 },
});

const JOB_ID = 'job-0000000000000001';

/**
 * A ticket job as the core runs it, for the fake transport: started, it answers `running` to
 * every status call until the test lets it end (finish()) or the dialog stops it (job-cancel);
 * then it hands out its report once.
 */
function fakeJob(total: number, report: () => TicketJobReport) {
  const state = { finished: false, cancelled: false };
  return {
    state,
    finish: () => void (state.finished = true),
    start: () => ({ jobId: JOB_ID, total }),
    status: (): TicketJobStatus => {
      if (state.cancelled) return { done: 500, total, report: { kind: 'cancelled' } };
      return state.finished ? { done: total, total, report: report() } : { done: 500, total, report: null };
    },
    cancel: () => {
      state.cancelled = !state.finished;
      return { cancelled: state.cancelled };
    },
  };
}

describe('bulk update of tickets', () => {
  it('shows the dry run before anything is changed, then runs ONE job on every ticket with progress, then the report', async () => {
    const user = userEvent.setup();
    const job = fakeJob(1200, () => ({ kind: 'bulk-update', update: bulkReport(ids(1200), true) }));
    const { fake } = renderWithApp(<BulkUpdateDialog action="status" scope={{ selection: ids(1200) }} onClose={() => undefined} />, {
      'session:current': () => staffMember(),
      'tickets:bulk-update': (input) => bulkReport(input.ticketIds ?? [], false),
      'tickets:bulk-update-start': job.start,
      'tickets:job-status': job.status,
    });
    await user.selectOptions(screen.getByLabelText('New status'), 'done');
    await user.click(screen.getByRole('button', { name: 'Show what will happen' }));

    const dryRun = await screen.findByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect(within(dryRun).getByText('Tickets: 1200 · changed: 1200 · unchanged: 0 · refused: 0')).toBeTruthy();
    expect(within(dryRun).getAllByText('Will change')).toHaveLength(200);
    expect(within(dryRun).getByText('1000 more tickets are not listed here; the totals count them.')).toBeTruthy();
    // Only the dry run has reached the core.
    expect((fake.callsTo('tickets:bulk-update') as BulkInput[]).map((c) => c.preview)).toEqual([true]);
    expect((fake.callsTo('tickets:bulk-update') as BulkInput[])[0]).toMatchObject({ ticketIds: ids(1200), changes: { status: 'done' } });
    expect(fake.callsTo('tickets:bulk-update-start')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Change 1200 tickets' }));
    expect(await screen.findByText('500 of 1,200 tickets')).toBeTruthy();
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(500);
    expect(screen.getByRole('button', { name: 'Stop: nothing will be changed' })).toBeTruthy();
    job.finish();

    const report = await screen.findByRole('region', { name: 'Report' });
    expect(within(report).getByText('Tickets: 1200 · changed: 1200 · unchanged: 0 · refused: 0')).toBeTruthy();
    // One job for all of them: one transaction in the core.
    expect(fake.callsTo('tickets:bulk-update-start')).toEqual([{ ticketIds: ids(1200), changes: { status: 'done' } }]);
    expect((fake.callsTo('tickets:bulk-update') as BulkInput[]).filter((c) => !c.preview)).toEqual([]);
    expect(fake.callsTo('tickets:job-status').length).toBeGreaterThanOrEqual(2);
  });

  it('stops the job: it rolls back, and the report says nothing was changed', async () => {
    const user = userEvent.setup();
    const job = fakeJob(1200, () => ({ kind: 'bulk-update', update: bulkReport(ids(1200), true) }));
    const { fake } = renderWithApp(<BulkUpdateDialog action="priority" scope={{ selection: ids(1200) }} onClose={() => undefined} />, {
      'session:current': () => staffMember(),
      'tickets:bulk-update': (input) => bulkReport(input.ticketIds ?? [], false),
      'tickets:bulk-update-start': job.start,
      'tickets:job-status': job.status,
      'tickets:job-cancel': job.cancel,
    });
    await user.selectOptions(screen.getByLabelText('New priority'), 'urgent');
    await user.click(screen.getByRole('button', { name: 'Show what will happen' }));
    await user.click(await screen.findByRole('button', { name: 'Change 1200 tickets' }));
    await screen.findByText('500 of 1,200 tickets');
    await user.click(screen.getByRole('button', { name: 'Stop: nothing will be changed' }));

    expect(await screen.findByText('Stopped: nothing was changed; every ticket is as it was.')).toBeTruthy();
    expect(fake.callsTo('tickets:job-cancel')).toEqual([{ jobId: JOB_ID }]);
    expect(screen.queryByRole('region', { name: 'Report' })).toBeNull();
  });

  it('says so when another bulk action is running', async () => {
    const user = userEvent.setup();
    renderWithApp(<BulkUpdateDialog action="priority" scope={{ selection: ids(3) }} onClose={() => undefined} />, {
      'session:current': () => staffMember(),
      'tickets:bulk-update': (input) => bulkReport(input.ticketIds ?? [], false),
      'tickets:bulk-update-start': () => {
        throw new AppError('CONFLICT', 'busy', { params: { reason: 'ticket_job_running' } });
      },
    });
    await user.selectOptions(screen.getByLabelText('New priority'), 'urgent');
    await user.click(screen.getByRole('button', { name: 'Show what will happen' }));
    await user.click(await screen.findByRole('button', { name: 'Change 3 tickets' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Another bulk action on tickets is running. Start this one when it has finished.');
  });

  it('takes everything the filter shows for the dry run, then runs on the tickets the dry run named', async () => {
    const user = userEvent.setup();
    const job = fakeJob(3, () => ({ kind: 'bulk-update', update: bulkReport([7, 8, 9], true) }));
    job.finish();
    const { fake } = renderWithApp(
      <BulkUpdateDialog action="status" scope={{ selection: [], filtered: { kind: 'filter', filter: { search: 'printer', sort: 'updated', direction: 'desc', status: ['new'] }, count: 3 } }} onClose={() => undefined} />,
      {
        'session:current': () => staffMember(),
        'tickets:bulk-update': () => bulkReport([7, 8, 9], false),
        'tickets:bulk-update-start': job.start,
        'tickets:job-status': job.status,
      },
    );
    expect((screen.getByRole('radio', { name: 'Everything the filter shows (3 tickets)' }) as HTMLInputElement).checked).toBe(true);
    await user.selectOptions(screen.getByLabelText('New status'), 'in_progress');
    await user.click(screen.getByRole('button', { name: 'Show what will happen' }));
    await user.click(await screen.findByRole('button', { name: 'Change 3 tickets' }));
    await screen.findByRole('region', { name: 'Report' });
    const calls = fake.callsTo('tickets:bulk-update') as BulkInput[];
    expect(calls[0]).toMatchObject({ filter: { search: 'printer', status: ['new'] }, exceptIds: [], preview: true });
    expect(calls[0]?.ticketIds).toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(fake.callsTo('tickets:bulk-update-start')).toEqual([{ ticketIds: [7, 8, 9], changes: { status: 'in_progress' } }]);
  });
});

/** What a list channel answers: the rows whose name contains the search, one page and the total. */
function matching<T extends { name?: string; lastName?: string }>(rows: readonly T[], input: { search?: string; limit?: number }) {
  const found = rows.filter((r) => (r.name ?? r.lastName ?? '').toLowerCase().includes((input.search ?? '').toLowerCase()));
  return { rows: found.slice(0, input.limit ?? 50), total: found.length };
}

/** 600 customer projects named to sort before the internal Intranet: it is found only by typing. */
const PROJECTS = [
  ...Array.from({ length: 600 }, (_, i) => project({ id: 1000 + i, name: `Customer project ${String(i).padStart(3, '0')}` })),
  project({ id: 42, name: 'Intranet', organisationId: null, organisationName: null, internal: true }),
];

const ref = (projectId: number, projectName: string, taskId: number, taskName: string) => ({ projectId, projectName, taskId, taskName });
const moveRow = (ticketId: number, overrides: Partial<TicketMoveRow> = {}): TicketMoveRow => ({
  ticketId,
  number: 10000 + ticketId,
  title: `Ticket ${ticketId}`,
  from: ref(41, 'Webshop', 51, 'Design'),
  to: ref(42, 'Intranet', 52, 'Support'),
  outcome: 'moved',
  entriesMoved: 0,
  minutesMoved: 0,
  lockedEntriesKept: 0,
  lockedMinutesKept: 0,
  secondaryAssignmentAdded: null,
  contactRemoved: null,
  ...overrides,
});

const moveReport = (done: boolean): TicketMoveReport => ({
  done,
  rows: [moveRow(1, { entriesMoved: 2, minutesMoved: 90, lockedEntriesKept: 1, lockedMinutesKept: 30, secondaryAssignmentAdded: ref(41, 'Webshop', 51, 'Design') }), moveRow(2)],
  totals: { tickets: 2, moved: 2, taskChanged: 0, skippedHasTime: 0, unchanged: 0, entriesMoved: 2, minutesMoved: 90, lockedEntriesKept: 1, lockedMinutesKept: 30, secondaryAssignmentsAdded: 1, contactsRemoved: 0 },
  notFoundTicketIds: [],
  visibility: [{ kind: 'person', personId: 3, accountId: null, organisationId: 7, name: 'Alice Adams', organisationName: 'Acme', gainsTicketIds: [], losesTicketIds: [1, 2] }],
});

describe('changing the primary project', () => {
  it('asks the time question, shows the dry run (time rebooked, locked time kept, who loses sight) before moving, then moves and reports', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<MoveTicketsDialog scope={{ selection: [1, 2] }} onClose={() => undefined} />, {
      'projects:list': (input) => matching(PROJECTS, input),
      'tasks:list': (input) => matching([task({ id: 52, projectId: 42, projectName: 'Intranet', name: 'Support' })], input),
      'tickets:move-preview': () => moveReport(false),
      'tickets:move-start': () => ({ jobId: JOB_ID, total: 2 }),
      'tickets:job-status': () => ({ done: 2, total: 2, report: { kind: 'move', move: moveReport(true) } }),
    });
    const dialog = screen.getByRole('dialog', { name: 'Change primary project' });
    await pick(user, dialog, 'Project', 'intra', 'Intranet (internal)');
    // The Intranet lies beyond the first 600 projects: the picker found it by searching in the core.
    expect(fake.callsTo('projects:list')).toContainEqual(expect.objectContaining({ search: 'intra' }));
    await pick(user, dialog, 'Task', '', 'Support');
    expect(fake.callsTo('tasks:list')).toContainEqual(expect.objectContaining({ projectId: 42 }));
    const preview = screen.getByRole('button', { name: 'Show what will happen' });
    expect((preview as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('radio', { name: /^Rebook the time entries/ }));
    await user.click(screen.getByLabelText('Always keep the old primary project as a secondary project'));
    await user.click(preview);

    const dryRun = await screen.findByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect(within(dryRun).getByText(/time rebooked: 1\.5 h \(2 entries\) · locked time kept: 0\.5 h \(1 entries\)/)).toBeTruthy();
    expect(within(dryRun).getByText(/Will no longer see: T-10001, T-10002/)).toBeTruthy();
    expect(fake.callsTo('tickets:move-start')).toEqual([]);
    expect(fake.callsTo('tickets:move-preview')).toEqual([{ ticketIds: [1, 2], projectId: 42, taskId: 52, withTime: 'rebook', alwaysKeepOldAsSecondary: true }]);

    await user.click(screen.getByRole('button', { name: 'Change 2 tickets' }));
    const report = await screen.findByRole('region', { name: 'Report' });
    expect(within(report).getAllByText('Moved')).toHaveLength(2);
    await waitFor(() => expect(fake.callsTo('tickets:move-start')).toEqual([{ ticketIds: [1, 2], projectId: 42, taskId: 52, withTime: 'rebook', alwaysKeepOldAsSecondary: true }]));
    expect(fake.callsTo('tickets:job-status')).toEqual([{ jobId: JOB_ID }]);
  });
});

const AT = '2026-02-01T09:00:00.000Z';
const viewAsRow = (id: number, number: number) => ({ id, number, title: `Ticket ${number}`, status: 'new' as const, priority: 'normal' as const, projectId: 11, projectName: 'Webshop', taskId: 21, taskName: 'Design', assigneeName: null, writable: true, createdAt: AT, updatedAt: AT });

describe('bulk actions in the view-as list', () => {
  it('act as staff on the ticked rows by their ids', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<ViewAsScreen contact={{ personId: 3 }} />, {
      'session:current': () => staffMember(),
      'ticket-view:open': () => ({ kind: 'person', accountId: null, personId: 3, organisationId: 7, name: 'Alice Adams', organisationName: 'Acme', allowed: true, reasons: [] }),
      'ticket-view:list': () => ({ rows: [viewAsRow(71, 10001), viewAsRow(72, 10002)], total: 2 }),
      'ticket-rights:list': () => [],
      'tickets:bulk-update': (input) => bulkReport(input.ticketIds ?? [], !input.preview),
    });
    await user.click(await screen.findByRole('checkbox', { name: 'Select T-10002' }));
    await user.click(screen.getByRole('button', { name: 'Bulk actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Change status…' }));
    const dialog = screen.getByRole('dialog', { name: 'Change status' });
    expect(within(dialog).getByText('The selected ticket')).toBeTruthy();
    await user.selectOptions(within(dialog).getByLabelText('New status'), 'closed');
    await user.click(within(dialog).getByRole('button', { name: 'Show what will happen' }));
    await within(dialog).findByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect(fake.callsTo('tickets:bulk-update')).toEqual([{ ticketIds: [72], changes: { status: 'closed' }, preview: true }]);
  });

  it('act on everything the filter shows: the contact and the list’s filter, resolved in the core', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<ViewAsScreen contact={{ personId: 3 }} />, {
      'session:current': () => staffMember(),
      'ticket-view:open': () => ({ kind: 'person', accountId: null, personId: 3, organisationId: 7, name: 'Alice Adams', organisationName: 'Acme', allowed: true, reasons: [] }),
      'ticket-view:list': () => ({ rows: [viewAsRow(71, 10001), viewAsRow(72, 10002)], total: 120 }),
      'ticket-rights:list': () => [],
      'tickets:bulk-update': () => bulkReport([71, 72], false),
    });
    await screen.findByRole('checkbox', { name: 'Select T-10002' });
    await user.click(screen.getByRole('button', { name: 'Bulk actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Change priority…' }));
    const dialog = screen.getByRole('dialog', { name: 'Change priority' });
    expect((within(dialog).getByRole('radio', { name: 'Everything the filter shows (120 tickets)' }) as HTMLInputElement).checked).toBe(true);
    await user.selectOptions(within(dialog).getByLabelText('New priority'), 'high');
    await user.click(within(dialog).getByRole('button', { name: 'Show what will happen' }));
    await within(dialog).findByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect(fake.callsTo('tickets:bulk-update')).toEqual([
      { viewAs: { contact: { personId: 3 }, filter: { quickLink: 'open', search: '', sort: 'updated', direction: 'desc' } }, exceptIds: [], changes: { priority: 'high' }, preview: true },
    ]);
  });
});
