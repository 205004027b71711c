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
  accountId: null,
  accountName: null,
  via: 'app',
  entity: 'organisation',
  entityId: 7,
  label: 'Brouwerij De Ster',
  exists: true,
  action: 'updated',
  before: { city: 'Köln', internal: false },
  after: { city: 'Düsseldorf', internal: true },
  names: {},
  ...overrides,
});

describe('audit log', () => {
  it('shows who, what and a readable before → after, and filters in the core', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<AuditScreen />, {
      'audit:list': () => ({
        rows: [entry({}), entry({ id: 2, staffId: null, staffName: null, entity: 'settings', entityId: null, label: null, exists: false, before: { defaultLanguage: 'en' }, after: { defaultLanguage: 'de' } })],
        total: 2,
      }),
      'staff:list': () => ({ rows: [staffMember(), staffMember({ id: 2, name: 'Sam Staff', role: 'staff' })], total: 2 }),
    });
    expect((await screen.findByRole('link', { name: 'Brouwerij De Ster' })).getAttribute('href')).toBe('#/organisations/7');
    const rows = screen.getAllByRole('row');
    const org = rows.find((r) => r.textContent?.includes('Organisation Brouwerij De Ster'));
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

  it('in Dutch: translated actions, fields and who; names as they were; dates, links and the logo formatted; no raw keys', async () => {
    const rows: AuditEntry[] = [
      entry({
        id: 10,
        via: 'cli',
        entity: 'portal-account',
        entityId: 4,
        label: 'anna@example.com',
        exists: false,
        action: 'links-changed',
        before: { links: [{ organisationId: 3, personId: null, isDefault: true }] },
        after: { links: [{ organisationId: 3, personId: 8, isDefault: true }, { organisationId: 5, personId: null, isDefault: false }] },
        names: { 'organisation:3': 'Brouwerij De Ster', 'organisation:5': 'Kaasmakerij Gouda', 'person:8': 'Anna Jansen' },
      }),
      entry({ id: 11, entity: 'portal-account', entityId: 4, label: 'anna@example.com', action: 'groups-changed', before: { roleGroupIds: [1] }, after: { roleGroupIds: [1, 2] }, names: { 'role-group:1': 'Standaard', 'role-group:2': 'Lezers' } }),
      entry({ id: 12, staffId: null, staffName: null, entity: 'portal-account', entityId: 4, label: 'anna@example.com', action: 'set-password-link-sent', before: null, after: { expiresAt: '2025-03-15T09:26:53.000Z' } }),
      entry({ id: 13, staffId: null, staffName: null, via: 'portal', entity: 'portal-account', entityId: 4, label: 'anna@example.com', action: 'password-reset', before: null, after: { passwordChanged: true } }),
      entry({
        id: 14,
        entity: 'settings',
        entityId: null,
        label: null,
        exists: false,
        action: 'updated',
        before: { letterheadLogo: null },
        after: { letterheadLogo: { mimeType: 'image/png', width: 200, height: 80, sha256: 'ab12' } },
      }),
    ];
    renderWithApp(<AuditScreen />, { 'audit:list': () => ({ rows, total: rows.length }), 'staff:list': () => ({ rows: [staffMember()], total: 1 }) }, { language: 'nl' });
    await screen.findByText('Organisatiekoppelingen gewijzigd');
    const table = screen.getByRole('table');
    const row = (id: number) => {
      const found = within(table).getAllByRole('row')[rows.findIndex((r) => r.id === id) + 1];
      if (!found) throw new Error(`no row ${id}`);
      return found;
    };
    // Deleted since: the name as it was, not linked.
    expect(within(row(10)).queryByRole('link')).toBeNull();
    expect(row(10).textContent).toContain('Portalaccount anna@example.com');
    expect(row(10).textContent).toContain('Opdrachtregel (als Ada Administrator)');
    expect(within(row(10)).getByText('Organisaties').parentElement?.textContent).toBe(
      'OrganisatiesBrouwerij De Ster, standaard → Brouwerij De Ster (Anna Jansen), standaard; Kaasmakerij Gouda',
    );
    expect(row(11).textContent).toContain('Rollengroepen gewijzigd');
    expect(within(row(11)).getByText('Rollengroepen', { selector: 'dt' }).parentElement?.textContent).toBe('RollengroepenStandaard → Standaard, Lezers');
    const expires = new Intl.DateTimeFormat('nl', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2025-03-15T09:26:53.000Z'));
    expect(within(row(12)).getByText('Verloopt op').parentElement?.textContent).toBe(`Verloopt op${expires}`);
    expect(row(12).textContent).toContain('Systeem');
    expect(row(13).textContent).toContain('Klant (portaal)');
    expect(row(13).textContent).toContain('Wachtwoord hersteld door de klant');
    expect(within(row(14)).getByText('Logo in briefhoofd').parentElement?.textContent).toBe('Logo in briefhoofd— → PNG-afbeelding, 200 × 80 px');
    const text = table.textContent ?? '';
    for (const raw of ['links-changed', 'roleGroupIds', 'password-reset', 'expiresAt', 'letterheadLogo', 'passwordChanged', 'mimeType', '#3', '#8', '{']) {
      expect(text).not.toContain(raw);
    }
  });

  it('names the portal account that acted by its username, in every language', async () => {
    const rows: AuditEntry[] = [
      entry({ id: 20, staffId: null, staffName: null, accountId: 4, accountName: 'erik@example.com', via: 'portal', entity: 'portal-account', entityId: 4, label: 'erik@example.com', action: 'signed-in', before: null, after: null }),
      entry({ id: 21, staffId: null, staffName: null, accountId: null, accountName: null, via: 'portal', entity: 'portal-account', entityId: 5, label: 'gone@example.com', action: 'password-reset', before: null, after: { passwordChanged: true } }),
      entry({ id: 22, entity: 'portal-account', entityId: 4, label: 'erik@example.com', action: 'sessions-ended', before: null, after: { sessionsEnded: 2 } }),
    ];
    const cellsOf = () => within(screen.getByRole('table')).getAllByRole('row').slice(1).map((r) => r.children[1]?.textContent);
    for (const [language, expected] of [
      ['en', ['erik@example.com (portal)', 'Customer (portal)', 'Ada Administrator']],
      ['nl', ['erik@example.com (portaal)', 'Klant (portaal)', 'Ada Administrator']],
      ['de', ['erik@example.com (Portal)', 'Kunde (Portal)', 'Ada Administrator']],
    ] as const) {
      renderWithApp(<AuditScreen />, { 'audit:list': () => ({ rows, total: rows.length }), 'staff:list': () => ({ rows: [staffMember()], total: 1 }) }, { language });
      await waitFor(() => expect(cellsOf()).toEqual(expected));
      cleanup();
    }
    renderWithApp(<AuditScreen />, { 'audit:list': () => ({ rows, total: rows.length }), 'staff:list': () => ({ rows: [staffMember()], total: 1 }) });
    expect(await screen.findByText('Portal sessions ended')).toBeTruthy();
    expect(screen.getByText('Sessions ended', { selector: 'dt' }).parentElement?.textContent).toContain('2');
  });

  it('shows one record\'s history when opened from its page, with a way back to all entries', async () => {
    const { fake } = renderWithApp(<AuditScreen record={{ entity: 'organisation', id: 7 }} />, {
      'audit:list': () => ({ rows: [entry({})], total: 1 }),
      'staff:list': () => ({ rows: [staffMember()], total: 1 }),
    });
    expect(await screen.findByText(/Only: Organisation Brouwerij De Ster/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Show all entries' }).getAttribute('href')).toBe('#/audit');
    expect(screen.queryByLabelText('Entity')).toBeNull();
    expect(fake.callsTo('audit:list').at(-1)).toEqual({ entity: 'organisation', entityId: 7, offset: 0, limit: 50 });
  });
});
