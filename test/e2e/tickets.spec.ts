import { expect, test } from './fixtures';
import { seedTickets } from './ticket-seed';
import { OrganisationsPage } from './pages/contacts';
import { PortierApp } from './pages/portier-app';
import { TicketPage, TicketsPage } from './pages/tickets';

/**
 * Projects and tasks have screens of their own (built in parallel); the test seeds them
 * straight into the data dir's database: one project of the organisation with two tasks.
 */
async function seedProject(dataDir: string, organisationId: number): Promise<void> {
  await seedTickets({ dataDir }, async (seed) => {
    const project = await seed.project(organisationId, 'Webshop');
    await seed.task(project, 'Build');
    await seed.task(project, 'Support');
  });
}

test('staff create a ticket, comment publicly and internally, book 1:30 of time and read the history', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: 'Bäckerei Müller GmbH', city: 'Köln' });
  const organisationId = Number(/organisations\/(\d+)/.exec(page.url())?.[1]);
  await seedProject(portier.dataDir, organisationId);

  const list = new TicketsPage(page);
  await list.open();
  await expect(page.getByText('No tickets match.')).toBeVisible();
  await list.create({ title: 'Checkout fails', description: 'The pay button does nothing.', project: 'Webshop — Bäckerei Müller GmbH', task: 'Support', priority: 'High' });

  await expect(page.getByRole('heading', { name: 'T-10001 · Checkout fails', level: 1 })).toBeVisible();
  expect(page.url()).toMatch(/#\/tickets\/\d+$/);
  const ticket = new TicketPage(page);
  await expect(page.getByLabel('Priority')).toHaveValue('high');

  await ticket.comment('We are looking into it.');
  await ticket.comment('Payment provider changed its API key.', true);
  const comments = ticket.section('Comments').getByRole('listitem');
  await expect(comments).toHaveCount(2);
  await expect(comments.filter({ hasText: 'We are looking into it.' })).not.toContainText('Internal');
  await expect(comments.filter({ hasText: 'Payment provider' })).toContainText('Internal');
  // The history names the comment's flag as what it is, not as the organisation field of the same name.
  await expect(ticket.section('History').getByRole('row').filter({ hasText: 'Payment provider' })).toContainText('Internal comment');

  await ticket.bookTime({ time: '1:30', note: 'Debugging' });
  const time = ticket.section('Time');
  await expect(time.getByRole('row', { name: /Debugging/ })).toContainText('1:30');
  await expect(time).toContainText('Total: 1:30');

  await page.getByLabel('Status').selectOption({ label: 'In progress' });
  const history = ticket.section('History');
  await expect(history.getByRole('row').filter({ hasText: 'New → In progress' })).toContainText('Updated');
  await expect(history.getByRole('row', { name: /Created/ })).toContainText('Checkout fails');
  await expect(history.getByRole('row', { name: /Comment added/ })).toHaveCount(2);

  // The list shows the ticket; the URL's project filter narrows it to that project.
  await page.getByRole('link', { name: 'Webshop' }).click();
  await expect(page.getByRole('combobox', { name: 'Project', exact: true })).toHaveValue('Webshop — Bäckerei Müller GmbH');
  const row = page.getByRole('row', { name: /T-10001/ });
  await expect(row).toContainText('Checkout fails');
  await expect(row).toContainText('In progress');
  await expect(row).toContainText('Webshop / Support');
  await row.getByRole('checkbox', { name: 'Select T-10001' }).check();
  await expect(page.getByText('1 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(row.getByRole('checkbox')).not.toBeChecked();
  await page.getByRole('heading', { name: 'Tickets', level: 1 }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(row.getByRole('checkbox')).toBeChecked();
  await expect(page.getByText('1 selected')).toBeVisible();
});
