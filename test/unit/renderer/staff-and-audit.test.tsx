// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditScreen } from '../../../renderer/src/features/audit/AuditScreen';
import { useAuditFilters } from '../../../renderer/src/features/audit/audit-filter-store';
import { StaffForm } from '../../../renderer/src/features/staff/StaffForm';
import type { AuditEntry } from '../../../shared/api/audit';
import { AppError } from '../../../shared/errors';
import { staffMember } from './support/fixtures';
import { renderWithApp } from './support/render-app';

beforeEach(() => {
  window.history.replaceState(null, '', '/#/');
  useAuditFilters.setState({ entity: '', staffId: '', from: '', to: '', offset: 0 });
});
afterEach(cleanup);

describe('staff form', () => {
  it('sends an empty new password as null and shows LAST_ADMINISTRATOR on the role', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<StaffForm member={staffMember()} />, {
      'staff:update': () => {
        throw new AppError('LAST_ADMINISTRATOR', 'x', { fields: { role: { code: 'invalid_value' } } });
      },
    });
    await user.selectOptions(screen.getByLabelText('Role'), 'staff');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('at least one active administrator');
    expect(screen.getByLabelText('Role').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('staff');
    expect(fake.callsTo('staff:update')).toEqual([
      { id: 1, name: 'Ada Administrator', email: 'ada@example.com', role: 'staff', mayGrantAccess: true, language: 'en', active: true, password: null },
    ]);
  });

  it('locks "May grant portal access" on for administrators', async () => {
    const user = userEvent.setup();
    renderWithApp(<StaffForm />, {});
    const flag = screen.getByLabelText('May grant portal access') as HTMLInputElement;
    expect(flag.checked).toBe(false);
    await user.selectOptions(screen.getByLabelText('Role'), 'administrator');
    expect(flag.checked).toBe(true);
    expect(flag.disabled).toBe(true);
  });
});

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2025-03-14T09:26:53.000Z',
  staffId: 1,
  staffName: 'Ada Administrator',
  entity: 'organisation',
  entityId: 7,
  action: 'updated',
  before: { city: 'Köln', internal: false },
  after: { city: 'Düsseldorf', internal: true },
  ...overrides,
});

describe('audit log', () => {
  it('shows who, what and a readable before → after, and filters in the core', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<AuditScreen />, {
      'audit:list': () => ({ rows: [entry({}), entry({ id: 2, staffId: null, staffName: null, entity: 'settings', entityId: null, before: { defaultLanguage: 'en' }, after: { defaultLanguage: 'de' } })], total: 2 }),
      'staff:list': () => ({ rows: [staffMember(), staffMember({ id: 2, name: 'Sam Staff', role: 'staff' })], total: 2 }),
    });
    await screen.findByText('Organisation #7');
    const rows = screen.getAllByRole('row');
    const org = rows.find((r) => r.textContent?.includes('Organisation #7'));
    if (!org) throw new Error('no organisation row');
    expect(org.textContent).toContain('Ada Administrator');
    expect(org.textContent).toContain('Updated');
    expect(within(org).getByText('City').parentElement?.textContent).toBe('CityKöln → Düsseldorf');
    expect(within(org).getByText('Internal organisation').parentElement?.textContent).toBe('Internal organisationNo → Yes');
    const settings = rows.find((r) => r.textContent?.includes('Settings'));
    expect(settings?.textContent).toContain('System');
    expect(settings?.textContent).toContain('English → Deutsch');

    await user.selectOptions(screen.getByLabelText('Entity'), 'person');
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'Sam Staff' })).toHaveLength(1));
    await user.selectOptions(screen.getByLabelText('Staff member'), '2');
    await user.type(screen.getByLabelText('From'), '2025-03-01');
    await waitFor(() =>
      expect(fake.callsTo('audit:list').at(-1)).toEqual({ entity: 'person', staffId: 2, from: '2025-03-01', offset: 0, limit: 50 }),
    );
  });
});
