import { expect, it } from 'vitest';
import { toContactTicketDetail, type StaffTicketDetail } from '../../electron/core/ticket-access/contact-ticket-fields';

it('the contact whitelist drops internal comments, time entries, secondary assignments and the assignee’s internals', () => {
  const staffView: StaffTicketDetail = {
    number: 10001,
    title: 'Printer',
    description: 'Jams',
    status: 'in_progress',
    priority: 'high',
    projectName: 'Office',
    taskName: 'Hardware',
    assignee: { id: 7, name: 'Sam', email: 'sam@internal.example' },
    contactName: 'Alice',
    comments: [
      { id: 1, body: 'We are on it', internal: false, authorName: 'Sam', createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 2, body: 'Customer is difficult', internal: true, authorName: 'Sam', createdAt: '2026-01-02T00:00:00.000Z' },
    ],
    timeEntries: [{ minutes: 90 }],
    secondaryAssignments: [{ projectId: 99 }],
    createdByStaffId: 7,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
  };
  const seen = toContactTicketDetail(staffView);
  expect(seen.comments).toEqual([{ id: 1, body: 'We are on it', authorName: 'Sam', createdAt: '2026-01-01T00:00:00.000Z' }]);
  expect(seen.assigneeName).toBe('Sam');
  const text = JSON.stringify(seen);
  for (const secret of ['difficult', 'sam@internal', 'minutes', 'secondary', 'createdByStaffId', '"id":7']) expect(text).not.toContain(secret);
});
