import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures';
import { seedTickets } from './ticket-seed';
import { AccessReviewPage } from './pages/access-review';
import { OrganisationsPage, PersonsPage } from './pages/contacts';
import { PortalAccountsPage } from './pages/portal-accounts';
import { PortierApp } from './pages/portier-app';
import { TicketRightsSection } from './pages/view-as';

/** A project of the organisation with two tasks and three tickets, two of them on "Design" (as the view-as spec seeds them). */
async function seedWebshop(dataDir: string, organisationId: number): Promise<void> {
  await seedTickets({ dataDir }, async (seed) => {
    const webshop = await seed.project(organisationId, 'Webshop');
    const design = await seed.task(webshop, 'Design');
    const build = await seed.task(webshop, 'Build');
    await seed.ticket(10001, 'Logo too small', webshop, design);
    await seed.ticket(10002, 'Colours too pale', webshop, design);
    await seed.ticket(10003, 'Deploy pipeline', webshop, build);
  });
}

/** The customer activates the account in the portal (not built yet): only an activated account sees tickets. */
function activate(dataDir: string, username: string): void {
  const db = new Database(path.join(dataDir, 'portier.sqlite'), { fileMustExist: true });
  try {
    const changed = db.prepare('UPDATE portal_account SET activated_at = ? WHERE username = ?').run(new Date().toISOString(), username).changes;
    if (changed !== 1) throw new Error(`no account ${username}`);
  } finally {
    db.close();
  }
}

/** An organisation with a person and that person's portal account in the built-in "Client" group. */
async function contactWithAccount(app: PortierApp, organisation: string, person: { firstName: string; lastName: string; email: string }, beforePerson?: (organisationId: number) => Promise<void>) {
  const page = app.page;
  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: organisation });
  await beforePerson?.(Number(/organisations\/(\d+)/.exec(page.url())?.[1]));
  await page.getByRole('button', { name: 'New person' }).click();
  const persons = new PersonsPage(page);
  await persons.fill(person);
  await persons.create();
}

async function createAccount(app: PortierApp, email: string): Promise<void> {
  await app.page.getByRole('button', { name: 'Create portal account' }).click();
  await expect(app.page.getByLabel('Username (email)')).toHaveValue(email);
  await new PortalAccountsPage(app.page).saveWithGroups(['Client'], new RegExp(`Portal account ${email.replace(/\./g, '\\.')} created`));
}

test('an administrator reviews portal access: one account with a right, filtered by organisation, counted, and exported as CSV', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();

  await contactWithAccount(app, 'Acme Webdesign', { firstName: 'Alice', lastName: 'Adams', email: 'alice@acme.example' }, (id) => seedWebshop(portier.dataDir, id));
  const rights = new TicketRightsSection(page);
  await rights.addRight({ project: 'Webshop', scope: 'One task', task: 'Design' });
  await rights.save();
  await createAccount(app, 'alice@acme.example');
  activate(portier.dataDir, 'alice@acme.example');

  await contactWithAccount(app, 'Globex', { firstName: 'Bob', lastName: 'Brown', email: 'bob@globex.example' });
  await createAccount(app, 'bob@globex.example');

  const review = new AccessReviewPage(page);
  await review.open();
  await expect(review.row('bob@globex.example')).toBeVisible();
  await review.filterBy('Acme');
  await expect(review.row('bob@globex.example')).toHaveCount(0);
  await expect(review.table.locator('tbody tr')).toHaveCount(1);
  // Status, organisations and person, role groups, permissions, ticket rights, tickets visible, tickets changeable.
  const [status, links, groups, , ticketRights, visible, writable] = await review.cells('alice@acme.example');
  expect(status).toBe('Active');
  expect(links).toContain('Acme Webdesign');
  expect(links).toContain('default');
  expect(links).toContain('Alice Adams');
  expect(groups).toBe('Client');
  expect(ticketRights).toBe('Webshop: Design');
  expect([visible, writable]).toEqual(['2', '2']);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const rows = parse(fs.readFileSync(await file.path(), 'utf8'), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    Username: 'alice@acme.example',
    Organisation: 'Acme Webdesign',
    Person: 'Alice Adams',
    'Role groups': 'Client',
    'Tickets visible (account)': '2',
    'Tickets changeable (account)': '2',
  });
  expect(rows[0]?.['Ticket rights']).toContain('Webshop');
});
