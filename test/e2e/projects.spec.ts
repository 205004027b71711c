import { expect, test } from './fixtures';
import { OrganisationsPage } from './pages/contacts';
import { PortierApp } from './pages/portier-app';
import { ProjectsPage, TicketCategoriesSettings } from './pages/projects';

test('an administrator creates a project for an organisation, adds two tasks, archives one, and finds the project on the organisation’s page', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: 'Bäckerei Müller GmbH', city: 'Köln' });

  const projects = new ProjectsPage(page);
  await projects.open();
  await projects.create({ name: 'Webshop', organisation: 'Bäckerei' });
  await projects.addTask('Design');
  await projects.addTask('Build');

  await projects.tasks.getByRole('button', { name: 'Archive task Design' }).click();
  await expect(projects.taskRow('Design')).toBeHidden();
  await expect(projects.taskRow('Build')).toBeVisible();
  await projects.tasks.getByRole('checkbox', { name: 'Show archived tasks' }).check();
  await expect(projects.taskRow('Design')).toContainText('Archived');
  await expect(projects.taskRow('Build')).toContainText('Active');

  // The list shows the project with its organisation; its row opens it.
  await projects.open();
  await expect(page.getByRole('row').filter({ hasText: 'Webshop' })).toContainText('Bäckerei Müller GmbH');

  await page.getByRole('row').filter({ hasText: 'Webshop' }).click();
  await page.getByRole('link', { name: 'Bäckerei Müller GmbH' }).click();
  await expect(page.getByRole('heading', { name: 'Bäckerei Müller GmbH', level: 1 })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Projects' });
  await expect(panel.getByRole('link', { name: 'Webshop' })).toBeVisible();
});

test('an administrator adds a ticket category with its name in every language in the settings', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Settings');
  const categories = new TicketCategoriesSettings(page);
  await expect(categories.section.getByText('No categories yet.')).toBeVisible();
  await categories.add({ en: 'Bug', nl: 'Fout', de: 'Fehler' });
  const row = categories.section.getByRole('row').filter({ hasText: 'Fehler' });
  await expect(row.getByRole('cell')).toHaveText(['Bug', 'Fout', 'Fehler', '', /Edit/]);
});
