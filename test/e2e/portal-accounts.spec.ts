import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { OrganisationsPage, PersonsPage } from './pages/contacts';
import { PortalAccountsPage } from './pages/portal-accounts';
import { PortierApp } from './pages/portier-app';
import { RoleGroupsPage } from './pages/role-groups';

test('staff create a role group and an account from a person, find it by its status, deactivate it, and see it audited', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();

  await app.goTo('Role groups');
  await new RoleGroupsPage(page).createRoleGroup('Brewery readers', ['Read tickets', 'Read documents']);

  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: 'Brouwerij De Ster', city: 'Utrecht', country: 'NL' });
  await page.getByRole('button', { name: 'New person' }).click();
  const persons = new PersonsPage(page);
  await persons.fill({ firstName: 'Anna', lastName: 'Jansen', email: 'anna.jansen@example.nl' });
  await persons.create();

  await page.getByRole('button', { name: 'Create portal account' }).click();
  await expect(page.getByLabel('Username (email)')).toHaveValue('anna.jansen@example.nl');
  const accounts = new PortalAccountsPage(page);
  await accounts.saveWithGroups(['Brewery readers'], /Portal account anna\.jansen@example\.nl created/);
  await expect(page.getByRole('heading', { name: 'Effective permissions' })).toBeVisible();
  await expect(page.getByText('granted by Brewery readers').first()).toBeVisible();

  await app.goTo('Portal accounts');
  await expect(accounts.row('anna.jansen@example.nl')).toContainText('No access yet');
  await expect(accounts.row('anna.jansen@example.nl')).toContainText('Brouwerij De Ster');
  await accounts.quickFilter('Activated');
  await expect(page.getByText('No portal accounts match.')).toBeVisible();
  await accounts.quickFilter('Never invited');
  await expect(accounts.row('anna.jansen@example.nl')).toBeVisible();
  await accounts.search('jansen');
  await expect(accounts.row('anna.jansen@example.nl')).toBeVisible();
  await accounts.search('nobody-here');
  await expect(page.getByText('No portal accounts match.')).toBeVisible();
  await accounts.search('De Ster');
  await expect(accounts.row('anna.jansen@example.nl')).toBeVisible();

  await accounts.rowAction('anna.jansen@example.nl', 'Deactivate');
  await expect(page.getByRole('status').filter({ hasText: 'Portal account anna.jansen@example.nl deactivated.' }).last()).toBeVisible();
  await expect(accounts.row('anna.jansen@example.nl')).toContainText('Deactivated');

  await app.goTo('Audit log');
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'Portal account' }).filter({ hasText: 'Deactivated' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: 'Role group' }).filter({ hasText: 'Created' }).first()).toBeVisible();
});

test('the account list scrolls through a thousand accounts with the keyboard in real Chromium', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: 'Massa BV' });

  // A thousand accounts through the CLI's import, into the running server's database (SQLite WAL: both may write).
  const csv = path.join(portier.dataDir, 'accounts.csv');
  const lines = ['email,organisation'];
  for (let i = 1; i <= 1000; i++) lines.push(`klant${String(i).padStart(4, '0')}@example.nl,Massa BV`);
  fs.writeFileSync(csv, `${lines.join('\n')}\n`);
  const root = path.resolve(import.meta.dirname, '../..');
  const imported = spawnSync(process.execPath, [path.join(root, 'dist/cli/portier.mjs'), 'import', 'accounts', csv, '--data-dir', portier.dataDir], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);

  await app.goTo('Portal accounts');
  const accounts = new PortalAccountsPage(page);
  await expect(page.getByText('1,000 accounts')).toBeVisible();
  await expect(accounts.row('klant0001@example.nl')).toBeVisible();
  // Only the rows in view are in the page.
  expect(await accounts.grid().getByRole('row').count()).toBeLessThan(100);
  await accounts.row('klant0001@example.nl').click();
  await page.keyboard.press('End');
  await expect(accounts.row('klant1000@example.nl')).toBeVisible();
  await expect(accounts.row('klant1000@example.nl')).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(accounts.row('klant0999@example.nl')).toHaveAttribute('aria-selected', 'true');
  await expect(accounts.row('klant1000@example.nl')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(accounts.row('klant0001@example.nl')).toBeVisible();
  // PageDown keeps the focused row whole in view, below the sticky header (it used to sink below the visible area).
  for (let i = 0; i < 25; i++) await page.keyboard.press('PageDown');
  const focusedInView = () =>
    page.evaluate(() => {
      const region = document.querySelector('.table-wrap--scroll');
      const row = document.querySelector('.grid-row--focus')?.getBoundingClientRect();
      const header = region?.querySelector('thead th')?.getBoundingClientRect();
      if (!region || !row || !header) return false;
      const bottom = region.getBoundingClientRect().top + region.clientTop + region.clientHeight;
      return row.top >= header.bottom - 1 && row.bottom <= bottom + 1;
    });
  await expect.poll(focusedInView).toBe(true);
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'klant0001@example.nl', level: 1 })).toBeVisible();
});

test('Ctrl+A selects every account of the list, loaded or not, and Deactivate reaches them all by the filter but the one unticked', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: 'Massa BV' });
  const csv = path.join(portier.dataDir, 'accounts.csv');
  const lines = ['email,organisation'];
  for (let i = 1; i <= 250; i++) lines.push(`klant${String(i).padStart(4, '0')}@example.nl,Massa BV`);
  fs.writeFileSync(csv, `${lines.join('\n')}\n`);
  const root = path.resolve(import.meta.dirname, '../..');
  const imported = spawnSync(process.execPath, [path.join(root, 'dist/cli/portier.mjs'), 'import', 'accounts', csv, '--data-dir', portier.dataDir], { encoding: 'utf8' });
  expect(imported.status, imported.stderr).toBe(0);

  await app.goTo('Portal accounts');
  const accounts = new PortalAccountsPage(page);
  await expect(page.getByText('250 accounts')).toBeVisible();
  await accounts.row('klant0001@example.nl').click();
  await page.keyboard.press('Control+a');
  await expect(page.getByText('250 accounts · 250 selected')).toBeVisible();
  await accounts.row('klant0002@example.nl').click({ modifiers: ['Control'] });
  await expect(page.getByText('250 accounts · 249 selected')).toBeVisible();
  await accounts.rowAction('klant0003@example.nl', 'Deactivate');
  await expect(page.getByRole('status').filter({ hasText: '249 of 249 accounts changed.' }).last()).toBeVisible();

  await page.getByLabel('Status').selectOption({ label: 'Deactivated' });
  await expect(page.getByText('249 accounts', { exact: true })).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'No access yet' });
  await expect(page.getByText('1 account', { exact: true })).toBeVisible();
  await expect(accounts.row('klant0002@example.nl')).toBeVisible();
});

test('staff without the grant flag see portal accounts read-only and cannot change access', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: 'Zuivel Zeeland' });

  // An account to look at, made by the administrator through the UI.
  await app.goTo('Portal accounts');
  await page.getByRole('button', { name: 'New portal account' }).click();
  await page.getByLabel('Username (email)').fill('info@zuivel.example');
  await page.getByLabel('Organisation', { exact: true }).fill('Zuivel');
  await page.getByRole('option', { name: 'Zuivel Zeeland' }).click();
  await new PortalAccountsPage(page).saveWithGroups(['Client'], /Portal account info@zuivel\.example created/);

  await app.goTo('Staff');
  await page.getByRole('button', { name: 'New staff member' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Sam Staff');
  await page.getByLabel('Email', { exact: true }).fill('sam@example.com');
  await expect(page.getByLabel('May grant portal access')).not.toBeChecked();
  await page.getByLabel('Password', { exact: true }).fill('Sam-Staff-Password-7');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Staff member Sam Staff created.' })).toBeVisible();
  await app.signOut();
  await app.signIn('sam@example.com', 'Sam-Staff-Password-7');

  await app.goTo('Portal accounts');
  const accounts = new PortalAccountsPage(page);
  await expect(page.getByText(/You can see portal accounts but not change them/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'New portal account' })).toHaveCount(0);
  await accounts.row('info@zuivel.example').click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: /Deactivate/ })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await accounts.row('info@zuivel.example').dblclick();
  await expect(page.getByRole('heading', { name: 'info@zuivel.example', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Deactivate' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: /^Client( —|$)/ })).toBeDisabled();
  await app.goTo('Portal accounts');
  await expect(accounts.row('info@zuivel.example')).toContainText('No access yet');
});
