import { withDatabase, type DatabaseTarget } from './database';
import { expect, test } from './fixtures';
import { seedTickets } from './ticket-seed';
import { OrganisationsPage, PersonsPage } from './pages/contacts';
import { PortierApp } from './pages/portier-app';
import { TicketBulkActions } from './pages/ticket-bulk';
import { TicketRightsSection, ViewAsPage } from './pages/view-as';

/**
 * Projects, tasks and tickets are written straight into the server's database (their screens
 * are being built in parallel): a customer project with two tasks, three tickets, and a ticket
 * of another customer's project.
 */
async function seedWebshop(target: DatabaseTarget, organisationId: number): Promise<void> {
  await seedTickets(target, async (seed) => {
    const now = new Date().toISOString();
    const { id: other } = await seed.db
      .insertInto('organisation')
      .values({ name: 'Globex', name_key: 'globex', search_key: 'globex', language: 'default', internal: 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const webshop = await seed.project(organisationId, 'Webshop');
    const design = await seed.task(webshop, 'Design');
    const build = await seed.task(webshop, 'Build');
    await seed.ticket(10001, 'Logo too small', webshop, design);
    await seed.ticket(10002, 'Colours too pale', webshop, design);
    await seed.ticket(10003, 'Deploy pipeline', webshop, build);
    const theirs = await seed.project(other, 'Globex portal');
    await seed.ticket(10004, 'Not yours', theirs, await seed.task(theirs, 'Design'));
  });
}

test('give a contact a right on one task, view the tickets as the contact, ask why one is visible and why another is not', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: 'Acme Webdesign' });
  const organisationId = Number(/organisations\/(\d+)/.exec(page.url())?.[1]);
  await seedWebshop(portier, organisationId);
  await page.getByRole('button', { name: 'New person' }).click();
  const persons = new PersonsPage(page);
  await persons.fill({ firstName: 'Alice', lastName: 'Adams' });
  await persons.create();

  const rights = new TicketRightsSection(page);
  await expect(rights.section.getByText('No ticket rights: this contact sees no tickets.')).toBeVisible();
  await rights.addRight({ project: 'Webshop', scope: 'One task', task: 'Design' });
  await expect(rights.preview.getByRole('heading', { name: 'Gains 2 tickets' })).toBeVisible();
  await expect(rights.preview.getByRole('listitem')).toHaveText([/T-10001 Logo too small/, /T-10002 Colours too pale/]);
  await expect(rights.preview.getByRole('heading', { name: 'Loses 0 tickets' })).toBeVisible();
  await rights.save();
  await expect(rights.section.getByRole('row', { name: /Webshop/ })).toContainText('Design');

  await page.getByRole('link', { name: 'View tickets as this contact' }).click();
  const view = new ViewAsPage(page);
  await expect(page.getByRole('heading', { name: 'Tickets as Alice Adams sees them', level: 1 })).toBeVisible();
  await expect(view.banner).toContainText('Alice Adams (Acme Webdesign)');
  await expect(view.banner).toContainText('Read-only');
  await view.quickLink('All');
  await expect(view.table.locator('tbody tr')).toHaveCount(2);
  expect((await view.numbers()).sort()).toEqual(['T-10001', 'T-10002']);
  // The filters search the projects the contact holds rights on, and their tasks: Build is outside the right.
  await view.filterBy('Webshop', 'Build');
  await expect(page.getByText('This contact sees no tickets with these filters.')).toBeVisible();
  await view.filterBy('Webshop', 'Design');
  await expect(view.table.locator('tbody tr')).toHaveCount(2);

  const why = await view.why('T-10001');
  await expect(why).toContainText('Visible to this contact');
  await expect(why).toContainText('A live right on the ticket’s project and task covers it.');

  const whyNot = await view.whyNot('T-10003');
  await expect(whyNot).toContainText('Not visible to this contact');
  await expect(whyNot).toContainText('The ticket’s task is not in the scope of the right.');

  const otherCustomer = await view.whyNot('10004');
  await expect(otherCustomer).toContainText('The contact has no right on the ticket’s project.');

  // Staff act on everything the contact's filtered list shows (resolved in the core by the same access function), as one job.
  const dialog = await new TicketBulkActions(page).choose('Change priority…');
  await expect(dialog.getByRole('radio', { name: 'Everything the filter shows (2 tickets)' })).toBeChecked();
  await dialog.getByLabel('New priority', { exact: true }).selectOption({ label: 'Urgent' });
  await dialog.getByRole('button', { name: 'Show what will happen' }).click();
  await expect(dialog.getByRole('region', { name: 'Dry run: nothing has been changed yet' })).toContainText('Tickets: 2 · changed: 2');
  await dialog.getByRole('button', { name: 'Change 2 tickets' }).click();
  await expect(dialog.getByRole('region', { name: 'Report' })).toContainText('Tickets: 2 · changed: 2');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(view.table.getByRole('row', { name: /T-10001/ })).toContainText('Urgent');
  await expect(view.table.getByRole('row', { name: /T-10002/ })).toContainText('Urgent');
  // T-10003, which the contact does not see, kept its priority.
  const priorities = await withDatabase(portier, (db) => db.selectFrom('ticket').select(['number', 'priority']).orderBy('number').execute());
  expect(priorities).toEqual([
    { number: 10001, priority: 'urgent' },
    { number: 10002, priority: 'urgent' },
    { number: 10003, priority: 'normal' },
    { number: 10004, priority: 'normal' },
  ]);
});
