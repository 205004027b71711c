// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BulkUpdateDialog } from '../../renderer/src/features/tickets/bulk/BulkUpdateDialog';
import { MoveTicketsDialog } from '../../renderer/src/features/tickets/bulk/MoveTicketsDialog';
import type { ChannelName } from '../../shared/api';
import { searchKey } from '../../shared/text-key';
import { startTestCore, type TestCore } from '../support/core';
import { staffMember } from '../unit/renderer/support/fixtures';
import type { FakeHandlers } from '../unit/renderer/support/fake-transport';
import { pick } from '../unit/renderer/support/picker';
import { renderWithApp } from '../unit/renderer/support/render-app';

/*
 * The bulk dialogs against the real core on a real SQLite file, in an office with more projects
 * than a page of 500: the pickers find what staff type, the dry run and the job come from the
 * core, and the reports say in the staff user's words what the contact rule did per ticket.
 */

const FILLERS = 560;
let t: TestCore;
const ids = { brewery: 0, globex: 0, greet: 0, otto: 0, breweryTask: 0, globexProject: 0, globexTask: 0, ours: 0, theirs: 0, office: 0 };

beforeAll(async () => {
  t = await startTestCore();
  ids.brewery = (await t.call('organisations:create', { name: 'Brouwerij Groep' })).id;
  ids.globex = (await t.call('organisations:create', { name: 'Globex' })).id;
  const at = new Date().toISOString();
  const names = Array.from({ length: FILLERS }, (_, i) => `Airfield ${String(i + 1).padStart(4, '0')}`);
  await t.core.deps.db
    .insertInto('project')
    .values(names.map((name) => ({ organisation_id: ids.brewery, name, name_key: searchKey(name), created_at: at, updated_at: at })))
    .execute();
  ids.greet = (await t.call('persons:create', { organisationId: ids.brewery, firstName: 'Greet', lastName: 'Zwart' })).id;
  ids.otto = (await t.call('persons:create', { organisationId: ids.globex, firstName: 'Otto', lastName: 'Anders' })).id;
  const breweryProject = (await t.call('projects:create', { name: 'Brewhouse', organisationId: ids.brewery })).id;
  ids.breweryTask = (await t.call('tasks:create', { projectId: breweryProject, name: 'Kettles' })).id;
  ids.globexProject = (await t.call('projects:create', { name: 'Zeppelin portal', organisationId: ids.globex })).id;
  ids.globexTask = (await t.call('tasks:create', { projectId: ids.globexProject, name: 'Support' })).id;
  ids.ours = (await t.call('tickets:create', { title: 'Kettle leaks', projectId: breweryProject, taskId: ids.breweryTask, contactPersonId: ids.greet })).id;
  ids.theirs = (await t.call('tickets:create', { title: 'Portal slow', projectId: ids.globexProject, taskId: ids.globexTask, contactPersonId: ids.otto })).id;
  const internal = (await t.call('projects:create', { name: 'Office helpdesk', organisationId: null })).id;
  const helpdesk = (await t.call('tasks:create', { projectId: internal, name: 'Calls' })).id;
  ids.office = (await t.call('tickets:create', { title: 'Otto called', projectId: internal, taskId: helpdesk, contactPersonId: null })).id;
});
afterAll(() => t.close());
afterEach(cleanup);

/** The renderer's calls go to the real core, as the administrator. */
function throughTheCore(channels: readonly ChannelName[]): FakeHandlers {
  const handlers: Record<string, (input: never) => unknown> = { 'session:current': () => staffMember() };
  for (const channel of channels) handlers[channel] = (input: never) => t.call(channel, input);
  return handlers as FakeHandlers;
}

const contactOf = async (id: number) => (await t.call('tickets:get', { id })).contactPersonId;

describe('the bulk dialogs on the real core', () => {
  it('"change contact": the person is found by typing, the other customer’s ticket is refused in the dry run and the report, the others change', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <BulkUpdateDialog action="contact" scope={{ selection: [ids.ours, ids.theirs, ids.office] }} onClose={() => undefined} />,
      throughTheCore(['persons:list', 'tickets:bulk-update', 'tickets:bulk-update-start', 'tickets:job-status', 'tickets:job-cancel', 'ticket-categories:list']),
    );
    const dialog = screen.getByRole('dialog', { name: 'Change contact' });
    await pick(user, dialog, 'New contact person', 'otto', 'Otto Anders · Globex');
    await user.click(within(dialog).getByRole('button', { name: 'Show what will happen' }));
    const dryRun = await within(dialog).findByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect(within(dryRun).getByRole('row', { name: /Kettle leaks/ }).textContent).toContain('Refused: the new contact is no person of the customer of this ticket’s project');
    expect(within(dryRun).getByRole('row', { name: /Portal slow/ }).textContent).toContain('Unchanged');
    // An internal project takes anybody.
    expect(within(dryRun).getByRole('row', { name: /Otto called/ }).textContent).toContain('Will change');
    expect(await contactOf(ids.office)).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Change 1 ticket' }));
    const report = await within(dialog).findByRole('region', { name: 'Report' }, { timeout: 5_000 });
    expect(within(report).getByText('Tickets: 3 · changed: 1 · unchanged: 1 · refused: 1')).toBeTruthy();
    expect(within(report).getByRole('row', { name: /Kettle leaks/ }).textContent).toContain('Refused: the new contact is no person');
    expect(await contactOf(ids.ours)).toBe(ids.greet);
    expect(await contactOf(ids.office)).toBe(ids.otto);
  });

  it('"change primary project": the project beyond the first 500 is found by typing, and the dry run and the report name the contact the move takes off', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <MoveTicketsDialog scope={{ selection: [ids.ours] }} onClose={() => undefined} />,
      throughTheCore(['projects:list', 'tasks:list', 'tickets:move-preview', 'tickets:move-start', 'tickets:job-status', 'tickets:job-cancel']),
    );
    const dialog = screen.getByRole('dialog', { name: 'Change primary project' });
    await user.click(within(dialog).getByRole('combobox', { name: 'Project' }));
    expect(await within(dialog).findByText(`20 of ${FILLERS + 3} shown: type to search for the others.`)).toBeTruthy();
    await pick(user, dialog, 'Project', 'zeppelin', 'Zeppelin portal — Globex');
    await pick(user, dialog, 'Task', '', 'Support');
    await user.click(within(dialog).getByRole('radio', { name: /^Rebook the time entries/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Show what will happen' }));

    const dryRun = await within(dialog).findByRole('region', { name: 'Dry run: nothing has been changed yet' });
    expect(within(dryRun).getByRole('note').textContent).toContain('1 ticket loses its contact person');
    expect(within(dryRun).getByRole('row', { name: /Kettle leaks/ }).textContent).toContain('Greet Zwart (Brouwerij Groep) taken off: no person of the new project’s customer');
    expect(await contactOf(ids.ours)).toBe(ids.greet);

    await user.click(within(dialog).getByRole('button', { name: 'Change 1 ticket' }));
    const report = await within(dialog).findByRole('region', { name: 'Report' }, { timeout: 5_000 });
    expect(within(report).getByRole('row', { name: /Kettle leaks/ }).textContent).toContain('Greet Zwart (Brouwerij Groep) taken off');
    await waitFor(async () => expect(await t.call('tickets:get', { id: ids.ours })).toMatchObject({ projectId: ids.globexProject, taskId: ids.globexTask, contactPersonId: null }));
  });
});
