import { expect, test } from './fixtures';
import { OrganisationsPage, PersonsPage } from './pages/contacts';
import { PortierApp } from './pages/portier-app';

test('staff create and edit an organisation and a person, and find every change in the audit log', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();

  await app.goTo('Organisations');
  const organisations = new OrganisationsPage(page);
  await organisations.create({ name: 'Bäckerei Müller GmbH', customerNumber: 'C-2001', city: 'Köln', postalCode: '50667', country: 'DE' });

  await app.goTo('Organisations');
  await organisations.open('Bäckerei Müller GmbH');
  await organisations.fill({ city: 'Düsseldorf' });
  await organisations.save(/Bäckerei Müller GmbH saved/);

  await page.getByRole('button', { name: 'New person' }).click();
  const persons = new PersonsPage(page);
  await persons.fill({ firstName: 'Jürgen', lastName: 'Größe', email: 'not-an-email' });
  await page.getByRole('button', { name: 'Save' }).click();
  const email = page.getByLabel('Email', { exact: true });
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Last name', { exact: true })).toHaveValue('Größe');
  await persons.fill({ email: 'j.groesse@example.de' });
  await persons.create();

  await persons.fill({ mobile: '+49 170 1234567' });
  await persons.save();

  await app.goTo('Organisations');
  await organisations.open('Bäckerei Müller GmbH');
  await expect(page.getByRole('link', { name: /Größe/ })).toBeVisible();

  await app.goTo('Audit log');
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'Bäckerei Müller GmbH' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: 'Düsseldorf' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: '+49 170 1234567' }).first()).toBeVisible();
});
