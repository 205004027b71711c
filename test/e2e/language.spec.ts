import { expect, test } from './fixtures';
import { PortierApp } from './pages/portier-app';

test('switching the UI language changes the interface at once and is kept after signing in again', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Settings');

  await page.getByLabel('My language').selectOption('nl');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Organisaties' })).toBeVisible();

  await page.getByLabel('Mijn taal').selectOption('de');
  await expect(nav.getByRole('link', { name: 'Organisationen' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Organisaties' })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Organisationen' })).toBeVisible();
});
