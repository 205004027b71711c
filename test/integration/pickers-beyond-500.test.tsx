// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { personKeys } from '../../electron/core/contacts/contact-keys';
import { TicketRightsSection } from '../../renderer/src/features/ticket-rights/TicketRightsSection';
import { TicketFormDialog } from '../../renderer/src/features/tickets/TicketFormDialog';
import type { ChannelName } from '../../shared/api';
import type { TicketDetail } from '../../shared/api/tickets';
import { searchKey } from '../../shared/text-key';
import { startTestCore, type TestCore } from '../support/core';
import { staffMember } from '../unit/renderer/support/fixtures';
import type { FakeHandlers } from '../unit/renderer/support/fake-transport';
import { pick } from '../unit/renderer/support/picker';
import { renderWithApp } from '../unit/renderer/support/render-app';

/*
 * An office with more projects and persons than a page of 500 (the most a list channel gives):
 * the ticket dialog and the rights editor search in the core, so the last of them is picked too.
 * The renderer runs against the real core on a real SQLite file.
 */

const FILLERS = 650;
let t: TestCore;
const ids = { customer: 0, zeppelin: 0, hangar: 0, zwaan: 0, contact: 0 };

beforeAll(async () => {
  t = await startTestCore();
  ids.customer = (await t.call('organisations:create', { name: 'Luchtvaart BV' })).id;
  const at = new Date().toISOString();
  const db = t.core.deps.db;
  // Fillers straight into the tables (one statement each), named to sort before the ones picked.
  const names = Array.from({ length: FILLERS }, (_, i) => `Airfield ${String(i + 1).padStart(4, '0')}`);
  await db
    .insertInto('project')
    .values(names.map((name) => ({ organisation_id: ids.customer, name, name_key: searchKey(name), created_at: at, updated_at: at })))
    .execute();
  await db
    .insertInto('person')
    .values(names.map((lastName) => ({ organisation_id: ids.customer, first_name: 'Pilot', last_name: lastName, email: null, mobile: null, salutation: null, language: 'default' as const, ...personKeys({ first_name: 'Pilot', last_name: lastName, email: null }), created_at: at, updated_at: at })))
    .execute();
  ids.zeppelin = (await t.call('projects:create', { name: 'Zeppelin hangar', organisationId: ids.customer })).id;
  ids.hangar = (await t.call('tasks:create', { projectId: ids.zeppelin, name: 'Roof repair' })).id;
  ids.zwaan = (await t.call('persons:create', { organisationId: ids.customer, firstName: 'Zoë', lastName: 'Zwaan' })).id;
  ids.contact = ids.zwaan;
});
afterAll(async () => {
  await t.close();
});
afterEach(cleanup);

/** The renderer's calls go to the real core, as the administrator. */
function throughTheCore(channels: readonly ChannelName[]): FakeHandlers {
  const handlers: Record<string, (input: never) => unknown> = { 'session:current': () => staffMember() };
  for (const channel of channels) handlers[channel] = (input: never) => t.call(channel, input);
  return handlers as FakeHandlers;
}

describe('pickers in an office with more than 500 projects and persons', () => {
  it('a page of 500 never reached the last project: the reason the pickers search', async () => {
    const page = await t.call('projects:list', { sort: 'name', limit: 500 });
    expect(page.total).toBe(FILLERS + 1);
    expect(page.rows.map((p) => p.id)).not.toContain(ids.zeppelin);
  });

  it('the ticket dialog picks the last project and the last of its customer’s persons, and the ticket is created on them', async () => {
    const user = userEvent.setup();
    const saved: TicketDetail[] = [];
    renderWithApp(
      <TicketFormDialog onClose={(ticket) => ticket && saved.push(ticket)} />,
      throughTheCore(['projects:list', 'tasks:list', 'tickets:contact-options', 'staff:list', 'ticket-categories:list', 'tickets:create']),
    );
    const dialog = screen.getByRole('dialog', { name: 'New ticket' });
    await user.type(within(dialog).getByLabelText('Title'), 'Hangar roof leaks');

    // Opened without typing: the first page, and how many more there are.
    await user.click(within(dialog).getByRole('combobox', { name: 'Project' }));
    expect(await within(dialog).findByText(`20 of ${FILLERS + 1} shown: type to search for the others.`)).toBeTruthy();
    await pick(user, dialog, 'Project', 'zeppelin', 'Zeppelin hangar — Luchtvaart BV');
    await pick(user, dialog, 'Task', '', 'Roof repair');
    await pick(user, dialog, 'Contact person', 'zwaan', 'Zoë Zwaan · Luchtvaart BV');
    await user.click(within(dialog).getByRole('button', { name: 'Create ticket' }));

    await waitFor(() => expect(saved).toHaveLength(1));
    const stored = await t.call('tickets:get', { id: saved[0]?.id ?? 0 });
    expect(stored).toMatchObject({ title: 'Hangar roof leaks', projectId: ids.zeppelin, taskId: ids.hangar, contactPersonId: ids.zwaan, contactName: 'Zoë Zwaan' });
  });

  it('the rights editor gives a right on the last of the organisation’s projects', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <TicketRightsSection holder={{ personId: ids.zwaan }} organisationId={ids.customer} mayGrant title="Ticket rights" />,
      throughTheCore(['ticket-rights:list', 'ticket-rights:get-settings', 'projects:list', 'tasks:list', 'ticket-rights:preview', 'ticket-rights:grant', 'ticket-rights:revoke']),
    );
    const section = (await screen.findByRole('heading', { name: 'Ticket rights' })).closest('section') as HTMLElement;
    await user.click(within(section).getByRole('button', { name: 'Add right' }));
    const form = within(section).getByRole('form', { name: 'New right' });
    await pick(user, form, 'Project', 'zepp', 'Zeppelin hangar');
    await user.click(within(form).getByRole('button', { name: 'Add to the changes' }));
    await user.click(within(section).getByRole('button', { name: 'Save changes' }));
    await waitFor(async () => expect((await t.call('ticket-rights:list', { holder: { personId: ids.zwaan }, includeRevoked: false })).map((r) => r.projectId)).toEqual([ids.zeppelin]));
  });
});
