// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { BulkUpdateDialog } from '../../../renderer/src/features/tickets/bulk/BulkUpdateDialog';
import { MoveTicketsDialog } from '../../../renderer/src/features/tickets/bulk/MoveTicketsDialog';
import { ViewAsScreen } from '../../../renderer/src/features/view-as/ViewAsScreen';
import type { InputOf } from '../../../shared/api';
import type { TicketBulkReport } from '../../../shared/api/ticket-bulk';
import type { TicketMoveReport, TicketMoveRow } from '../../../shared/api/ticket-moves';
import { project, staffMember, task } from './support/fixtures';
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

/** A promise the test resolves by hand: a chunk that is still running. */
function gate() {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('bulk update of tickets', () => {
  it('shows the dry run before anything is changed, then changes in chunks of 500 with progress, then the report', async () => {
    const user = userEvent.setup();
    const second = gate();
    let runs = 0;
    const { fake } = renderWithApp(<BulkUpdateDialog action="status" scope={{ selection: ids(1200) }} onClose={() => undefined} />, {
      'session:current': () => staffMember(),
      'tickets:bulk-update': async (input) => {
        if (input.preview) return bulkReport(input.ticketIds ?? [], false);
        runs += 1;
        if (runs === 2) await second.promise;
        return bulkReport(input.ticketIds ?? [], true);
      },
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

    await user.click(screen.getByRole('button', { name: 'Change 1200 tickets' }));
    expect(await screen.findByText('500 of 1200 tickets')).toBeTruthy();
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(500);
    second.open();

    const report = await screen.findByRole('region', { name: 'Report' });
    expect(within(report).getByText('Tickets: 1200 · changed: 1200 · unchanged: 0 · refused: 0')).toBeTruthy();
    const chunks = (fake.callsTo('tickets:bulk-update') as BulkInput[]).filter((c) => !c.preview);
    expect(chunks.map((c) => c.ticketIds?.length)).toEqual([500, 500, 200]);
    expect(chunks.flatMap((c) => c.ticketIds)).toEqual(ids(1200));
  });

  it('stops between chunks: the running chunk finishes, no other starts, and the report says so', async () => {
    const user = userEvent.setup();
    const first = gate();
    const { fake } = renderWithApp(<BulkUpdateDialog action="priority" scope={{ selection: ids(1200) }} onClose={() => undefined} />, {
      'session:current': () => staffMember(),
      'tickets:bulk-update': async (input) => {
        if (!input.preview) await first.promise;
        return bulkReport(input.ticketIds ?? [], !input.preview);
      },
    });
    await user.selectOptions(screen.getByLabelText('New priority'), 'urgent');
    await user.click(screen.getByRole('button', { name: 'Show what will happen' }));
    await user.click(await screen.findByRole('button', { name: 'Change 1200 tickets' }));
    await user.click(await screen.findByRole('button', { name: 'Stop after this chunk' }));
    first.open();

    expect(await screen.findByText('Stopped after 500 of 1200 tickets; the others were not changed.')).toBeTruthy();
    expect((fake.callsTo('tickets:bulk-update') as BulkInput[]).filter((c) => !c.preview)).toHaveLength(1);
  });

  it('takes everything the filter shows for the dry run, then runs on the tickets the dry run named', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(
      <BulkUpdateDialog action="status" scope={{ selection: [], filtered: { kind: 'filter', filter: { search: 'printer', sort: 'updated', direction: 'desc', status: ['new'] }, count: 3 } }} onClose={() => undefined} />,
      {
        'session:current': () => staffMember(),
        'tickets:bulk-update': (input) => bulkReport(input.preview ? [7, 8, 9] : (input.ticketIds ?? []), !input.preview),
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
    expect(calls.slice(1)).toEqual([{ ticketIds: [7, 8, 9], changes: { status: 'in_progress' }, preview: false }]);
  });
});

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
  ...overrides,
});

const moveReport = (done: boolean): TicketMoveReport => ({
  done,
  rows: [moveRow(1, { entriesMoved: 2, minutesMoved: 90, lockedEntriesKept: 1, lockedMinutesKept: 30, secondaryAssignmentAdded: ref(41, 'Webshop', 51, 'Design') }), moveRow(2)],
  totals: { tickets: 2, moved: 2, taskChanged: 0, skippedHasTime: 0, unchanged: 0, entriesMoved: 2, minutesMoved: 90, lockedEntriesKept: 1, lockedMinutesKept: 30, secondaryAssignmentsAdded: 1 },
  notFoundTicketIds: [],
  visibility: [{ kind: 'person', personId: 3, accountId: null, organisationId: 7, name: 'Alice Adams', organisationName: 'Acme', gainsTicketIds: [], losesTicketIds: [1, 2] }],
});

describe('changing the primary project', () => {
  it('asks the time question, shows the dry run (time rebooked, locked time kept, who loses sight) before moving, then moves and reports', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<MoveTicketsDialog scope={{ selection: [1, 2] }} onClose={() => undefined} />, {
      'projects:list': () => ({ rows: [project({ id: 41, name: 'Webshop' }), project({ id: 42, name: 'Intranet', organisationId: null, organisationName: null, internal: true })], total: 2 }),
      'tasks:list': () => ({ rows: [task({ id: 52, projectId: 42, projectName: 'Intranet', name: 'Support' })], total: 1 }),
      'tickets:move-preview': () => moveReport(false),
      'tickets:move': () => moveReport(true),
    });
    await user.selectOptions(await screen.findByLabelText('Project'), await screen.findByRole('option', { name: 'Intranet (internal)' }));
    await user.selectOptions(screen.getByLabelText('Task'), await screen.findByRole('option', { name: 'Support' }));
    const preview = screen.getByRole('button', { name: 'Show what will happen' });
    expect((preview as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('radio', { name: /^Rebook the time entries/ }));
    await user.click(screen.getByLabelText('Always keep the old primary project as a secondary project'));
    await user.click(preview);

    const dryRun = await screen.findByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect(within(dryRun).getByText(/time rebooked: 1\.5 h \(2 entries\) · locked time kept: 0\.5 h \(1 entries\)/)).toBeTruthy();
    expect(within(dryRun).getByText(/Will no longer see: T-10001, T-10002/)).toBeTruthy();
    expect(fake.callsTo('tickets:move')).toEqual([]);
    expect(fake.callsTo('tickets:move-preview')).toEqual([{ ticketIds: [1, 2], projectId: 42, taskId: 52, withTime: 'rebook', alwaysKeepOldAsSecondary: true }]);

    await user.click(screen.getByRole('button', { name: 'Change 2 tickets' }));
    const report = await screen.findByRole('region', { name: 'Report' });
    expect(within(report).getAllByText('Moved')).toHaveLength(2);
    await waitFor(() => expect(fake.callsTo('tickets:move')).toEqual([{ ticketIds: [1, 2], projectId: 42, taskId: 52, withTime: 'rebook', alwaysKeepOldAsSecondary: true }]));
  });
});

describe('bulk actions in the view-as list', () => {
  it('act as staff on the ticked rows by their ids', async () => {
    const user = userEvent.setup();
    const AT = '2026-02-01T09:00:00.000Z';
    const row = (id: number, number: number) => ({ id, number, title: `Ticket ${number}`, status: 'new' as const, priority: 'normal' as const, projectId: 11, projectName: 'Webshop', taskId: 21, taskName: 'Design', assigneeName: null, writable: true, createdAt: AT, updatedAt: AT });
    const { fake } = renderWithApp(<ViewAsScreen contact={{ personId: 3 }} />, {
      'session:current': () => staffMember(),
      'ticket-view:open': () => ({ kind: 'person', accountId: null, personId: 3, organisationId: 7, name: 'Alice Adams', organisationName: 'Acme', allowed: true, reasons: [] }),
      'ticket-view:list': () => ({ rows: [row(71, 10001), row(72, 10002)], total: 2 }),
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
});
