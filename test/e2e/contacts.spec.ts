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

test('a deleted organisation or person never comes back: the next one gets a new id and its own values, and Save keeps them', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  const organisations = new OrganisationsPage(page);
  const persons = new PersonsPage(page);
  const idInUrl = () => Number(/\/(\d+)$/.exec(page.url())?.[1]);

  await app.goTo('Organisations');
  await organisations.create({ name: 'Temp Eins GmbH', city: 'Eins-Stadt' });
  const firstId = idInUrl();
  await organisations.deleteOpen('Temp Eins GmbH');
  await organisations.create({ name: 'Temp Zwei AG', city: 'Zwei-Dorf' });
  expect(idInUrl()).not.toBe(firstId);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Temp Zwei AG');
  await expect(page.getByLabel('City', { exact: true })).toHaveValue('Zwei-Dorf');
  await organisations.save(/Temp Zwei AG saved/);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Temp Zwei AG');
  await expect(page.getByLabel('City', { exact: true })).toHaveValue('Zwei-Dorf');

  await page.getByRole('button', { name: 'New person' }).click();
  await persons.fill({ firstName: 'Erste', lastName: 'Person' });
  await persons.create();
  const firstPerson = idInUrl();
  await persons.deleteOpen('Erste Person');
  await page.getByRole('button', { name: 'New person' }).click();
  await persons.fill({ firstName: 'Zweite', lastName: 'Mensch' });
  await persons.create();
  expect(idInUrl()).not.toBe(firstPerson);
  await expect(page.getByLabel('Last name', { exact: true })).toHaveValue('Mensch');
  await persons.save();
  await expect(page.getByLabel('First name', { exact: true })).toHaveValue('Zweite');

  // The audit log never shows a change from one record's values to another's.
  await app.goTo('Audit log');
  await expect(page.getByRole('row').filter({ hasText: 'Temp Zwei AG' }).first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: /Temp Zwei AG.*Temp Eins GmbH|Temp Eins GmbH.*Temp Zwei AG/ })).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: /Erste.*Zweite|Zweite.*Erste/ })).toHaveCount(0);
});
