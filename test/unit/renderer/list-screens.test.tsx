// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetSessionStores } from '../../../renderer/src/components/session-stores';
import { OutboxScreen } from '../../../renderer/src/features/outbox/OutboxScreen';
import { PersonsScreen } from '../../../renderer/src/features/persons/PersonsScreen';
import { StaffScreen } from '../../../renderer/src/features/staff/StaffScreen';
import type { OutboxMail } from '../../../shared/api/outbox';
import { AppError } from '../../../shared/errors';
import { person, staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

/* The list screens share one column-driven component (ListScreen, on @tanstack/react-table): what each screen's columns ask of it. */

beforeEach(() => {
  window.history.replaceState(null, '', '/#/');
  resetSessionStores();
});
afterEach(cleanup);

const mail = (id: number, overrides: Partial<OutboxMail> = {}): OutboxMail => ({
  id,
  messageId: `<${id}@portier>`,
  kind: 'activation',
  channel: 'mail',
  to: `user${id}@example.com`,
  subject: `Activate your account ${id}`,
  accountId: id,
  status: 'queued',
  attempts: 0,
  nextAttemptAt: '2025-03-14T09:26:53.000Z',
  lastError: null,
  emlWrittenAt: null,
  createdAt: '2025-03-14T09:26:53.000Z',
  sentAt: null,
  updatedAt: '2025-03-14T09:26:53.000Z',
  ...overrides,
});

describe('the list screens', () => {
  it('persons: a checkbox column selects without opening the row, the name column sorts by last name', async () => {
    const user = userEvent.setup();
    const rows = [person({ id: 3 }), person({ id: 4, firstName: 'Anna', lastName: 'Jansen' })];
    const { fake } = renderWithApp(<PersonsScreen />, {
      'persons:list': () => ({ rows, total: 2 }),
      'session:current': () => staffMember(),
    });
    const checkbox = await screen.findByRole('checkbox', { name: /Anna Jansen/ });
    fireEvent.click(checkbox.closest('td') as HTMLElement);
    expect(window.location.hash).toBe('#/');
    await user.click(checkbox);
    expect((checkbox as HTMLInputElement).checked).toBe(true);
    expect(window.location.hash).toBe('#/');
    expect(await screen.findByRole('button', { name: 'Create portal accounts (1)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => expect(fake.callsTo('persons:list').at(-1)).toMatchObject({ sort: 'lastName', direction: 'desc' }));
    expect(screen.getByRole('columnheader', { name: /^Name/ }).getAttribute('aria-sort')).toBe('descending');
    await user.click(screen.getByText('Anna Jansen'));
    expect(window.location.hash).toBe('#/persons/4');
  });

  it('staff: says the list is empty once the core answered, and only then', async () => {
    let answer: (() => void) | null = null;
    renderWithApp(<StaffScreen />, {
      'staff:list': () => new Promise((resolve) => (answer = () => resolve({ rows: [], total: 0 }))),
    });
    const grid = await screen.findByRole('table', { name: 'Staff' });
    expect(within(grid).getByText('Loading…')).toBeTruthy();
    expect(within(grid).queryByText('No staff members found.')).toBeNull();
    await waitFor(() => expect(answer).not.toBeNull());
    (answer as unknown as () => void)();
    expect(await within(grid).findByText('No staff members found.')).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼↕]/g, ''))).toEqual(['Name', 'Email', 'Role', 'Last sign-in', 'Status']);
  });

  it('staff: a failed list shows why, not "empty"', async () => {
    renderWithApp(<StaffScreen />, {
      'staff:list': () => {
        throw new AppError('FORBIDDEN', 'no');
      },
    });
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByText('No staff members found.')).toBeNull();
  });

  it('outbox: rows do not open, the mail opened in the panel beside the list is marked, the pager sits under the list', async () => {
    const user = userEvent.setup();
    renderWithApp(<OutboxScreen me={staffMember()} />, {
      'outbox:list': () => ({ rows: [mail(1), mail(2, { status: 'failed', lastError: 'Connection refused' })], total: 2, smtpConfigured: true, smsGatewayConfigured: true }),
      'outbox:get': (input) => ({ ...mail(input.id), html: '<p>Hello</p>', text: 'Hello' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Activate your account 2' }));
    const row = screen.getByText('Connection refused').closest('tr') as HTMLElement;
    expect(row.className).toBe('grid-row--selected');
    expect(row.tabIndex).toBe(-1);
    expect(within(row).getByRole('button', { name: 'Retry' })).toBeTruthy();
    const panel = screen.getByRole('region', { name: 'Preview' });
    expect(panel.parentElement?.className).toBe('page-columns');
    expect(screen.getByRole('group', { name: 'Pages' }).parentElement?.parentElement).toBe(panel.parentElement);
  });
});
