// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { AccessReviewScreen } from '../../../renderer/src/features/access-review/AccessReviewScreen';
import { PortalAccountsScreen } from '../../../renderer/src/features/portal-accounts/PortalAccountsScreen';
import { useDisplayLanguage } from '../../../renderer/src/features/session/display-language-store';
import type { AccessReview, ReviewAccount } from '../../../shared/api/access-review';
import { DEFAULT_ACCOUNT_COLUMNS } from '../../../shared/api/portal-accounts';
import { AppError } from '../../../shared/errors';
import { organisation, staffMember } from './support/fixtures';
import type { FakeHandlers } from './support/fake-transport';
import { renderWithApp } from './support/render-app';

beforeEach(() => {
  window.history.replaceState(null, '', '/#/');
  useDisplayLanguage.setState({ override: null });
});
afterEach(cleanup);

const ANNA: ReviewAccount = {
  accountId: 4,
  username: 'anna@mueller.example',
  active: true,
  status: 'active',
  links: [
    {
      organisationId: 7,
      organisationName: 'Bäckerei Müller GmbH',
      personId: 11,
      personName: 'Anna Müller',
      isDefault: true,
      rights: [
        { id: 31, projectId: 41, projectName: 'Webshop', scope: 'one_task', taskName: 'Design', taskCount: null, readOnly: false },
        { id: 32, projectId: 42, projectName: 'Kassa', scope: 'existing_tasks', taskName: null, taskCount: 3, readOnly: true },
      ],
      visibleTickets: 1234,
      writableTickets: 12,
    },
    { organisationId: 9, organisationName: 'Koffiebranderij De Boon', personId: null, personName: null, isDefault: false, rights: [], visibleTickets: 0, writableTickets: 0 },
  ],
  roleGroups: [
    { id: 1, name: 'Client' },
    { id: 2, name: 'Partner' },
  ],
  permissions: ['dashboard', 'tickets.read', 'tickets.create', 'tickets.comment', 'documents.read'],
  visibleTickets: 1234,
  writableTickets: 12,
};

const BORIS: ReviewAccount = {
  accountId: 5,
  username: 'boris@deboon.example',
  active: false,
  status: 'deactivated',
  links: [{ organisationId: 9, organisationName: 'Koffiebranderij De Boon', personId: null, personName: null, isDefault: true, rights: [], visibleTickets: 0, writableTickets: 0 }],
  roleGroups: [],
  permissions: [],
  visibleTickets: 0,
  writableTickets: 0,
};

const ORGANISATIONS = [organisation({ id: 7, name: 'Bäckerei Müller GmbH' }), organisation({ id: 9, name: 'Koffiebranderij De Boon' })];

const handlers: FakeHandlers = {
  'reports:access': ({ organisationId }): AccessReview => ({
    generatedAt: '2026-03-01T09:30:00.000Z',
    organisationId: organisationId ?? null,
    organisationName: ORGANISATIONS.find((o) => o.id === organisationId)?.name ?? null,
    accounts: [ANNA, BORIS].filter((a) => organisationId === undefined || a.links.some((l) => l.organisationId === organisationId)),
  }),
  'organisations:list': ({ search }) => {
    const rows = ORGANISATIONS.filter((o) => o.name.toLowerCase().includes((search ?? '').toLowerCase()));
    return { rows, total: rows.length };
  },
};

const cellsOf = (table: HTMLElement, username: string) =>
  within(within(table).getByRole('row', { name: new RegExp(username) })).getAllByRole('cell').map((c) => c.textContent);

/** Clicks that would download a file are caught: the anchor that would have been clicked. */
async function catchDownload(run: () => Promise<void>): Promise<HTMLAnchorElement> {
  let saved: HTMLAnchorElement | null = null;
  const onClick = (event: Event) => {
    saved = event.target as HTMLAnchorElement;
    event.preventDefault();
  };
  document.addEventListener('click', onClick);
  try {
    await run();
    await waitFor(() => expect(saved).not.toBeNull());
  } finally {
    document.removeEventListener('click', onClick);
  }
  return saved as unknown as HTMLAnchorElement;
}

describe('the access review screen', () => {
  it('shows every account with status, organisations (default marked) and person, groups, permissions, rights and counts, in German', async () => {
    renderWithApp(<AccessReviewScreen />, handlers, { language: 'de' });
    expect(screen.getByRole('heading', { name: 'Zugriffsprüfung', level: 1 })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Zugriffsprüfung' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Konto',
      'Status',
      'Organisationen und Personen',
      'Rollengruppen',
      'Effektive Berechtigungen',
      'Ticketrechte',
      'Sichtbare Tickets',
      'Änderbare Tickets',
    ]);
    const [status, links, groups, permissions, rights, visible, writable] = cellsOf(table, 'anna@mueller.example');
    expect(status).toBe('Aktiv');
    expect(links).toContain('Bäckerei Müller GmbHStandardAnna Müllersieht 1.234, ändert 12');
    expect(links).toContain('Koffiebranderij De Boonganze Organisationsieht 0, ändert 0');
    expect(groups).toBe('Client, Partner');
    expect(permissions).toContain('(5 Berechtigungen)');
    expect(rights).toContain('Bäckerei Müller GmbH — Webshop: Design');
    expect(rights).toContain('Kassa: bestehende Vorgänge (3 Vorgänge)nur lesen');
    expect([visible, writable]).toEqual(['1.234', '12']);
    expect(cellsOf(table, 'boris@deboon.example')).toEqual(['Deaktiviert', 'Koffiebranderij De BoonStandardganze Organisationsieht 0, ändert 0', 'Keine Rollengruppen', 'Keine', 'Keine Ticketrechte', '0', '0']);
  });

  it('shows three permissions at a glance and the rest when expanded', async () => {
    const user = userEvent.setup();
    renderWithApp(<AccessReviewScreen />, handlers);
    const table = await screen.findByRole('table', { name: 'Access review' });
    const row = within(table).getByRole('row', { name: /anna@mueller/ });
    const summary = within(row).getByText(/Dashboard, Read tickets, Create tickets, … \(5 permissions\)/);
    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await user.click(summary);
    expect(details.open).toBe(true);
    expect(within(details).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Dashboard', 'Read tickets', 'Create tickets', 'Comment on tickets', 'Read documents']);
  });

  it('filters by organisation in the core', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(<AccessReviewScreen />, handlers);
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    await user.type(screen.getByRole('combobox', { name: 'Organisation' }), 'bäck');
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent?.startsWith('Bäckerei'))).toEqual([true]));
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    expect(within(screen.getByRole('table')).queryByRole('row', { name: /boris/ })).toBeNull();
    expect(fake.callsTo('reports:access')).toEqual([{}, { organisationId: 7 }]);
  });

  it('exports CSV, XLSX and PDF for the chosen organisation in the UI language, saved through the documents’ save-file path', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithApp(
      <AccessReviewScreen />,
      {
        ...handlers,
        'reports:access-csv': () => ({ fileName: 'toegangscontrole.csv', csv: 'Account;Organisatie\r\nanna@mueller.example;Bäckerei Müller GmbH\r\n' }),
        'reports:access-xlsx': () => ({ fileName: 'toegangscontrole.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: 'UEsDBA==' }),
        'reports:access-pdf': () => ({ fileName: 'toegangscontrole.pdf', mimeType: 'application/pdf', base64: 'JVBERi0=' }),
      },
      { language: 'nl' },
    );
    await screen.findByRole('table');
    await user.type(screen.getByRole('combobox', { name: 'Organisatie' }), 'koffie');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(fake.callsTo('reports:access')).toContainEqual({ organisationId: 9 }));

    const csv = await catchDownload(() => user.click(screen.getByRole('button', { name: 'CSV exporteren' })));
    expect(csv.download).toBe('toegangscontrole.csv');
    const xlsx = await catchDownload(() => user.click(screen.getByRole('button', { name: 'XLSX exporteren' })));
    expect(xlsx.download).toBe('toegangscontrole.xlsx');
    const pdf = await catchDownload(() => user.click(screen.getByRole('button', { name: 'Afdrukken (PDF)' })));
    expect(pdf.download).toBe('toegangscontrole.pdf');
    for (const channel of ['reports:access-csv', 'reports:access-xlsx', 'reports:access-pdf'] as const) {
      expect(fake.callsTo(channel)).toEqual([{ organisationId: 9, language: 'nl' }]);
    }
  });
});

describe('the way to the access review', () => {
  const accountHandlers: FakeHandlers = { 'portal-accounts:list': () => ({ rows: [], total: 0, totalExact: true }), 'preferences:get-account-columns': () => [...DEFAULT_ACCOUNT_COLUMNS] };

  it('is a link on the portal accounts screen for administrators only', async () => {
    renderWithApp(<PortalAccountsScreen me={staffMember()} />, accountHandlers);
    expect((await screen.findByRole('link', { name: 'Access review' })).getAttribute('href')).toBe('#/access-review');
    cleanup();
    renderWithApp(<PortalAccountsScreen me={staffMember({ role: 'staff', mayGrantAccess: true })} />, accountHandlers);
    expect(await screen.findByRole('heading', { name: 'Portal accounts', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Access review' })).toBeNull();
  });

  it('counts as the portal accounts section of the main navigation', async () => {
    window.history.replaceState(null, '', '/#/access-review');
    renderWithApp(<App />, { ...handlers, 'session:current': () => staffMember() });
    expect(await screen.findByRole('table', { name: 'Access review' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Portal accounts' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows staff who open the route anyway the core’s refusal', async () => {
    window.history.replaceState(null, '', '/#/access-review');
    renderWithApp(<App />, {
      'session:current': () => staffMember({ role: 'staff', name: 'Sam Staff' }),
      'organisations:list': () => ({ rows: [], total: 0 }),
      'reports:access': () => {
        throw new AppError('FORBIDDEN', 'administrators only');
      },
    });
    expect(await screen.findByRole('heading', { name: 'Access review', level: 1 })).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toBe('You are not allowed to do this.');
    expect(screen.queryByRole('table')).toBeNull();
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
