// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditScreen } from '../../../renderer/src/features/audit/AuditScreen';
import { TicketHistory } from '../../../renderer/src/features/tickets/TicketHistory';
import type { AuditEntry } from '../../../shared/api/audit';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2026-03-14T09:26:53.000Z',
  staffId: 1,
  staffName: 'Ada Administrator',
  accountId: null,
  accountName: null,
  via: 'app',
  entity: 'ticket',
  entityId: 40,
  label: 'T-10040 Slow pages',
  exists: true,
  action: 'updated',
  before: null,
  after: null,
  names: {},
  ...overrides,
});

const NAMES = {
  'project:3': 'Website relaunch (Brouwerij Ørsted)',
  'project:4': 'Intranet (Kaasmakerij Lind)',
  'task:5': 'Design',
  'task:6': 'Login',
  'staff:2': 'Sam Stevens',
  'ticket:40': 'T-10040 Slow pages',
};

const ROWS: AuditEntry[] = [
  entry({ id: 9, entity: 'time-entry', entityId: 71, label: 'T-10040 2026-03-02', action: 'locked', before: { locked: false }, after: { locked: true } }),
  entry({
    id: 8,
    entity: 'time-entry',
    entityId: 71,
    label: 'T-10040 2026-03-02',
    action: 'created',
    after: { ticketId: 40, projectId: 4, taskId: 6, staffId: 2, workDate: '2026-03-02', minutes: 90, note: 'Call', billable: true, locked: false },
    names: NAMES,
  }),
  entry({ id: 7, action: 'assignment-added', after: { projectId: 3, taskId: null, origin: 'manual' }, names: NAMES }),
  entry({
    id: 6,
    action: 'primary-project-changed',
    before: { primaryProjectId: 3, primaryTaskId: 5, secondaryAssignments: [] },
    after: { primaryProjectId: 4, primaryTaskId: 6, secondaryAssignments: [{ projectId: 3, taskId: 5 }] },
    names: NAMES,
  }),
  // Written before names were kept, and the project gone since: its id, never a blank.
  entry({ id: 5, before: { projectId: 99, assigneeId: null }, after: { projectId: 4, assigneeId: 2 }, names: NAMES }),
];

/** The text of each body row's action and changes cells. */
async function historyRows(): Promise<{ action: string; changes: string }[]> {
  const table = await screen.findByRole('table');
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(ROWS.length + 1));
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const cells = within(row).getAllByRole('cell');
      return { action: cells[2]?.textContent ?? '', changes: cells[3]?.textContent ?? '' };
    });
}

describe('the ticket page’s history', () => {
  it('says what happened to its time entries and names projects, tasks and staff (en)', async () => {
    const { fake } = renderWithApp(<TicketHistory ticketId={40} />, { 'tickets:history': () => ({ rows: ROWS, total: ROWS.length }) });
    const rows = await historyRows();
    expect(fake.callsTo('tickets:history')).toEqual([{ id: 40, offset: 0, limit: 20 }]);
    expect(rows.map((r) => r.action)).toEqual([
      'Time entry locked · entry of Mar 2, 2026',
      'Time booked · entry of Mar 2, 2026',
      'Secondary project added',
      'Moved to another primary project',
      'Updated',
    ]);
    // The entry's own ticket is the page's: left out. Its day, project, task and staff in words.
    expect(rows[1]?.changes).not.toContain('Slow pages');
    expect(rows[1]?.changes).toContain('DateMar 2, 2026');
    expect(rows[1]?.changes).toContain('ProjectIntranet (Kaasmakerij Lind)');
    expect(rows[1]?.changes).toContain('TaskLogin');
    expect(rows[1]?.changes).toContain('Staff memberSam Stevens');
    expect(rows[2]?.changes).toContain('ProjectWebsite relaunch (Brouwerij Ørsted)');
    expect(rows[2]?.changes).toContain('added by hand');
    expect(rows[3]?.changes).toContain('Website relaunch (Brouwerij Ørsted) → Intranet (Kaasmakerij Lind)');
    expect(rows[3]?.changes).toContain('Design → Login');
    expect(rows[3]?.changes).toContain('Website relaunch (Brouwerij Ørsted) / Design');
    expect(rows[4]?.changes).toContain('#99 → Intranet (Kaasmakerij Lind)');
    expect(rows[4]?.changes).toContain('Assignee— → Sam Stevens');
  });

  it('speaks Dutch and German', async () => {
    renderWithApp(<TicketHistory ticketId={40} />, { 'tickets:history': () => ({ rows: ROWS, total: ROWS.length }) }, { language: 'nl' });
    let rows = await historyRows();
    expect(rows.slice(0, 2).map((r) => r.action)).toEqual(['Tijdregel vergrendeld · regel van 2 mrt 2026', 'Tijd geboekt · regel van 2 mrt 2026']);
    expect(rows[1]?.changes).toContain('MedewerkerSam Stevens');
    expect(rows[2]?.changes).toContain('handmatig toegevoegd');
    expect(rows[4]?.changes).toContain('Behandelaar— → Sam Stevens');
    cleanup();

    renderWithApp(<TicketHistory ticketId={40} />, { 'tickets:history': () => ({ rows: ROWS, total: ROWS.length }) }, { language: 'de' });
    rows = await historyRows();
    expect(rows.slice(0, 2).map((r) => r.action)).toEqual(['Zeiteintrag gesperrt · Eintrag vom 02.03.2026', 'Zeit gebucht · Eintrag vom 02.03.2026']);
    expect(rows[1]?.changes).toContain('Datum02.03.2026');
    expect(rows[1]?.changes).toContain('VorgangLogin');
    expect(rows[3]?.changes).toContain('Website relaunch (Brouwerij Ørsted) / Design');
  });
});

describe('the audit log screen', () => {
  it('names a ticket’s project and links the ticket', async () => {
    renderWithApp(<AuditScreen />, {
      'audit:list': () => ({ rows: [ROWS[4] as AuditEntry, ROWS[1] as AuditEntry], total: 2 }),
      'staff:list': () => ({ rows: [staffMember()], total: 1 }),
    });
    expect((await screen.findByRole('link', { name: 'T-10040 Slow pages' })).getAttribute('href')).toBe('#/tickets/40');
    // On the log a time entry's ticket is named, not left out.
    expect(screen.getByText('T-10040 Slow pages', { selector: '.changes__after' })).toBeTruthy();
    expect(screen.getAllByText('Intranet (Kaasmakerij Lind)', { selector: '.changes__after' })).toHaveLength(2);
    expect(screen.getByText('#99', { selector: '.changes__before' })).toBeTruthy();
  });
});
