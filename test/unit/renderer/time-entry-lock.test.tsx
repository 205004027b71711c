// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TicketTimeEntries } from '../../../renderer/src/features/tickets/TicketTimeEntries';
import { TimeEntryDialog } from '../../../renderer/src/features/tickets/TimeEntryDialog';
import { AppError } from '../../../shared/errors';
import type { TicketDetail, TimeEntry } from '../../../shared/api/tickets';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const AT = '2026-03-02T10:00:00.000Z';
const entry = (id: number, locked: boolean): TimeEntry => ({
  id,
  ticketId: 40,
  projectId: 3,
  projectName: 'Website',
  taskId: 5,
  staffId: 1,
  staffName: 'Ada Administrator',
  workDate: '2026-03-0' + String(id),
  minutes: 90,
  note: '',
  billable: true,
  locked,
  createdAt: AT,
  updatedAt: AT,
});

const ticket: TicketDetail = {
  id: 40,
  number: 10040,
  reference: 'T-10040',
  title: 'Slow pages',
  status: 'new',
  priority: 'normal',
  projectId: 3,
  projectName: 'Website',
  taskId: 5,
  taskName: 'Design',
  organisationId: 1,
  organisationName: 'Brouwerij Ørsted',
  assigneeId: null,
  assigneeName: null,
  contactPersonId: null,
  contactName: null,
  createdAt: AT,
  updatedAt: AT,
  description: '',
  createdByStaffId: 1,
  createdByStaffName: 'Ada Administrator',
  createdByAccountId: null,
  categories: [],
  assignments: [],
  comments: [],
  timeEntries: [entry(1, false), entry(2, true)],
  totalMinutes: 180,
};

describe('locking a time entry on the ticket page', () => {
  it('administrators lock an open entry after confirming; a locked one offers nothing to change', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<TicketTimeEntries ticket={ticket} />, {
      'session:current': () => staffMember({ role: 'administrator' }),
      'time-entries:lock': (input) => ({ locked: input.ids.length }),
    }, { language: 'de' });
    const lock = await screen.findByRole('button', { name: /Den Eintrag vom .* sperren/ });
    expect(screen.getAllByRole('button', { name: /sperren/ })).toHaveLength(1);
    await user.click(lock);
    const dialog = screen.getByRole('dialog', { name: 'Zeiteintrag sperren' });
    expect(fake.callsTo('time-entries:lock')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Sperren' }));
    expect(fake.callsTo('time-entries:lock')).toEqual([{ ids: [1] }]);
  });

  it('staff who are not administrators see no lock button (the core refuses them too)', async () => {
    const { fake, queryClient } = renderWithApp(<TicketTimeEntries ticket={ticket} />, { 'session:current': () => staffMember({ role: 'staff' }) });
    await screen.findByRole('button', { name: /Edit the entry of/ });
    // Only once the signed-in staff member is known does "no button" mean anything.
    await waitFor(() => expect(fake.callsTo('session:current')).toHaveLength(1));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(screen.queryByRole('button', { name: /Lock the entry of/ })).toBeNull();
  });
});

describe('booking time on an archived project', () => {
  it("shows the core's refusal in the user's language although the dialog has no project field", async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<TimeEntryDialog ticket={{ ...ticket, timeEntries: [] }} onClose={() => undefined} />, {
      'session:current': () => staffMember(),
      'time-entries:book': () => {
        throw new AppError('VALIDATION', 'Project Website is archived: no time can be booked on it.', { fields: { projectId: { code: 'project_archived' } } });
      },
    }, { language: 'nl' });
    const dialog = screen.getByRole('dialog', { name: 'Tijd boeken op T-10040' });
    expect(within(dialog).queryByLabelText('Project')).toBeNull();
    await user.type(within(dialog).getByLabelText('Tijd', { exact: true }), '1:30');
    await user.click(within(dialog).getByRole('button', { name: 'Tijd boeken' }));
    expect(await within(dialog).findByText('Dit project is gearchiveerd: er kunnen geen nieuwe tickets of uren op.')).toBeTruthy();
    expect(fake.callsTo('time-entries:book')).toHaveLength(1);
  });
});
