// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountTicketRights } from '../../../renderer/src/features/ticket-rights/ContactTicketRights';
import { TicketRightsSection } from '../../../renderer/src/features/ticket-rights/TicketRightsSection';
import type { Project, Task } from '../../../shared/api/projects';
import type { TicketRight } from '../../../shared/api/ticket-rights';
import { portalAccount, staffMember } from './support/fixtures';
import { pick } from './support/picker';
import { renderWithApp } from './support/render-app';

afterEach(cleanup);

const AT = '2026-02-01T09:00:00.000Z';

const right = (overrides: Partial<TicketRight> = {}): TicketRight => ({
  id: 5,
  personId: 3,
  accountId: null,
  organisationId: null,
  projectId: 11,
  projectName: 'Webshop',
  scope: 'all_tasks',
  taskId: null,
  taskName: null,
  taskIds: [],
  readOnly: false,
  createdAt: AT,
  revokedAt: null,
  ...overrides,
});

const project = (id: number, name: string): Project => ({ id, name, organisationId: 7, organisationName: 'Acme', internal: false, archived: false, taskCount: 1, createdAt: AT, updatedAt: AT });
const task = (id: number, projectId: number, name: string): Task => ({ id, projectId, projectName: 'Intranet', name, archived: false, createdAt: AT, updatedAt: AT });

const preview = {
  gain: { total: 2, tickets: [{ number: 10010, title: 'Logo too small', projectName: 'Intranet' }, { number: 10011, title: 'Colours', projectName: 'Intranet' }] },
  lose: { total: 1, tickets: [{ number: 10001, title: 'Checkout broken', projectName: 'Webshop' }] },
  visibleBefore: 1,
  visibleAfter: 2,
  blocked: [],
};

describe('the ticket rights editor', () => {
  it('collects a new right and a revoke, previews what the contact gains and loses, and saves only then (German)', async () => {
    const user = userEvent.setup();
    let rights = [right(), right({ id: 4, projectName: 'Altprojekt', revokedAt: AT })];
    const { fake } = renderWithApp(
      <TicketRightsSection holder={{ personId: 3 }} organisationId={7} mayGrant title="Ticketrechte" />,
      {
        'session:current': () => staffMember(),
        'ticket-rights:list': () => rights,
        'ticket-rights:get-settings': () => ({ ticketRightsOnInternalProjects: false, customerTicketAccessReadOnly: false }),
        'projects:list': () => ({ rows: [project(11, 'Webshop'), project(12, 'Intranet')], total: 2 }),
        'tasks:list': () => ({ rows: [task(21, 12, 'Design'), task(22, 12, 'Build')], total: 2 }),
        'ticket-rights:preview': () => preview,
        'ticket-rights:grant': (input) => {
          const created = right({ id: 6, projectId: input.projectId, projectName: 'Intranet', scope: input.scope, taskId: input.taskId ?? null, taskName: 'Design' });
          rights = [created, ...rights];
          return created;
        },
        'ticket-rights:revoke': (input) => {
          rights = rights.map((r) => (r.id === input.id ? { ...r, revokedAt: AT } : r));
          return right({ revokedAt: AT });
        },
      },
      { language: 'de' },
    );
    const section = (await screen.findByRole('heading', { name: 'Ticketrechte' })).closest('section') as HTMLElement;
    const live = await within(section).findByRole('row', { name: /Webshop/ });
    expect(within(live).getAllByRole('cell').map((c) => c.textContent).slice(0, 4)).toEqual(['Webshop', 'Alle Vorgänge (auch spätere)', 'Alle Vorgänge', 'Nein']);
    expect(within(section).getByText('Entzogene Rechte (1)')).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Recht hinzufügen' }));
    const form = within(section).getByRole('form', { name: 'Neues Recht' });
    const add = within(form).getByRole('button', { name: 'Zu den Änderungen hinzufügen' });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    await pick(user, form, 'Projekt', 'intra', 'Intranet');
    // The contact's organisation's customer projects (internal ones only with the setting on), searched in the core.
    expect(fake.callsTo('projects:list')).toContainEqual(expect.objectContaining({ organisationId: 7, internal: false }));
    expect(fake.callsTo('projects:list')).not.toContainEqual(expect.objectContaining({ internal: true }));
    await user.selectOptions(within(form).getByLabelText('Umfang'), 'one_task');
    await pick(user, form, 'Vorgang', '', 'Design');
    await user.click(add);
    await user.click(within(live).getByRole('button', { name: 'Das Recht auf Webshop entziehen' }));

    // Nothing saved yet: the preview asks with the whole edit.
    expect(fake.callsTo('ticket-rights:grant')).toEqual([]);
    const previewRegion = await within(section).findByRole('region', { name: 'Was wird dieser Kontakt sehen?' });
    expect(await within(previewRegion).findByText('Erhält 2 Tickets dazu')).toBeTruthy();
    expect(within(previewRegion).getByText('Verliert 1 Ticket')).toBeTruthy();
    expect(within(previewRegion).getByText(/T-10001 Checkout broken/)).toBeTruthy();
    await waitFor(() => expect(fake.callsTo('ticket-rights:preview').at(-1)).toEqual({ holder: { personId: 3 }, grant: [{ projectId: 12, scope: 'one_task', taskId: 21, readOnly: false }], revoke: [5] }));

    await user.click(within(section).getByRole('button', { name: 'Änderungen speichern' }));
    await waitFor(() => expect(fake.callsTo('ticket-rights:revoke')).toEqual([{ id: 5 }]));
    expect(fake.callsTo('ticket-rights:grant')).toEqual([{ holder: { personId: 3 }, projectId: 12, scope: 'one_task', taskId: 21, readOnly: false }]);
    await waitFor(() => expect(within(section).queryByRole('region', { name: 'Was wird dieser Kontakt sehen?' })).toBeNull());
    expect(await within(section).findByRole('row', { name: /Intranet/ })).toBeTruthy();
  });

  it('warns, as the Planfix manual does, that customers never get staff powers (an auditor’s), in every language', async () => {
    const cases = [
      ['en', 'Important', 'An auditor sees every ticket of a project and can close or delete them'],
      ['nl', 'Belangrijk', 'Een auditor ziet alle tickets van een project en kan ze sluiten of verwijderen'],
      ['de', 'Wichtig', 'Ein Auditor sieht alle Tickets eines Projekts und kann sie schließen oder löschen'],
    ] as const;
    for (const [language, title, text] of cases) {
      renderWithApp(<TicketRightsSection holder={{ personId: 3 }} organisationId={7} mayGrant title="Rights" />, { 'session:current': () => staffMember(), 'ticket-rights:list': () => [] }, { language });
      const note = await screen.findByRole('note', { name: title });
      expect(note.textContent).toContain(text);
      cleanup();
    }
  });

  it('shows staff who may not grant the rights read-only, with the reason', async () => {
    renderWithApp(<TicketRightsSection holder={{ personId: 3 }} organisationId={7} mayGrant={false} title="Ticket rights" />, {
      'session:current': () => staffMember({ role: 'staff', mayGrantAccess: false }),
      'ticket-rights:list': () => [right()],
    });
    const section = (await screen.findByRole('heading', { name: 'Ticket rights' })).closest('section') as HTMLElement;
    await within(section).findByRole('row', { name: /Webshop/ });
    const add = within(section).getByRole('button', { name: 'Add right' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    expect(add.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(section).getByText('Only administrators and staff who may grant portal access change ticket rights.')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: /Revoke/ })).toBeNull();
    // The warning is for those who edit rights.
    expect(within(section).queryByRole('note')).toBeNull();
  });
});

describe('the ticket rights of a portal account', () => {
  it('gives a link that names no person its own rights, and says a link naming a person sees through that person’s', async () => {
    const account = portalAccount({
      id: 9,
      links: [
        { organisationId: 1, organisationName: 'Brouwerij De Ster', personId: null, personName: null, isDefault: true },
        { organisationId: 2, organisationName: 'Café Zon', personId: 44, personName: 'Jan Jansen', isDefault: false },
      ],
    });
    const { fake } = renderWithApp(<AccountTicketRights account={account} mayGrant />, {
      'session:current': () => staffMember(),
      'ticket-rights:list': () => [right({ personId: null, accountId: 9, organisationId: 1 })],
    });
    expect(await screen.findByRole('heading', { name: 'Ticket rights for Brouwerij De Ster' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Ticket rights for Café Zon' })).toBeNull();
    expect(screen.getByText(/For Café Zon this account sees through the ticket rights of/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Jan Jansen' }).getAttribute('href')).toBe('#/persons/44');
    expect(screen.getByRole('link', { name: 'View tickets as this contact (Café Zon)' }).getAttribute('href')).toBe('#/view-as?account=9&organisation=2');
    await waitFor(() => expect(fake.callsTo('ticket-rights:list')).toEqual([{ holder: { accountId: 9, organisationId: 1 }, includeRevoked: true }]));
  });
});
