import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { OfficeDatabasePage } from './pages/office-database';
import { PortierApp } from './pages/portier-app';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase } from '../support/postgres';

/** Issue 13: the connect screen in browser mode (serve), against the PostgreSQL server on 127.0.0.1:5432. */
const SHOTS = '/tmp/portier-connect-screen';
const pgUp = await postgresAnswers();

test('before sign-in, browser mode shows the way to the connect screen but lets nobody choose a database there', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
  await page.getByRole('link', { name: 'Connect to an office database' }).click();
  await expect(page.getByRole('heading', { name: 'Connect to an office database', level: 1 })).toBeVisible();
  await expect(page.getByText(/In browser mode the database is chosen by an administrator after signing in/)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Office database' })).toHaveCount(0);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${SHOTS}/before-sign-in-en.png` });
  await page.getByRole('link', { name: 'Back to sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
});

test(`an administrator tests the office database, sees the answer and a field error, then uses it${pgUp ? '' : NO_POSTGRES}`, async ({ page, portier }) => {
  test.skip(!pgUp, NO_POSTGRES);
  const database = await throwawayDatabase();
  try {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width: 1366, height: 768 });
    const app = new PortierApp(page);
    await app.open(portier.url);
    await app.createAdministrator();
    await app.goTo('Settings');
    await expect(page.getByText('In use now: This desk’s own database (SQLite)')).toBeVisible();
    const screen = new OfficeDatabasePage(page);
    await screen.openFromSettings();

    await screen.fill({ host: '127.0.0.1', port: 5432, database: 'portier_no_such_database', user: 'postgres', encryption: 'None (only on a network you trust)' });
    await screen.test();
    const databaseField = screen.form.getByLabel('Database', { exact: true });
    await expect(databaseField).toHaveAttribute('aria-invalid', 'true');
    await expect(screen.form.getByText('The server has no database of this name.')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/connect-en-field-error.png` });

    await databaseField.fill(database.name);
    await screen.test();
    await expect(screen.result).toContainText(/Connected to PostgreSQL \d+/);
    await expect(screen.result).toContainText('The connection is not encrypted.');
    await expect(screen.result).toContainText('Portier’s data is not there yet');
    const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/connect-en.png`, fullPage: true });

    // The same screen in Dutch.
    await page.getByRole('link', { name: 'Back to settings' }).click();
    await page.getByLabel('My language').selectOption('nl');
    await page.getByRole('link', { name: 'Verbinden met een kantoordatabase…' }).click();
    await expect(page.getByRole('heading', { name: 'Verbinden met een kantoordatabase', level: 1 })).toBeVisible();
    const form = page.getByRole('form', { name: 'Kantoordatabase' });
    await form.getByLabel('Server', { exact: true }).fill('127.0.0.1');
    await form.getByLabel('Database', { exact: true }).fill(database.name);
    await form.getByLabel('Gebruikersnaam', { exact: true }).fill('postgres');
    await form.getByLabel('Versleuteling', { exact: true }).selectOption({ label: 'Geen (alleen op een netwerk dat u vertrouwt)' });
    await form.getByRole('button', { name: 'Verbinding testen' }).click();
    await expect(form.getByRole('status').filter({ hasText: 'PostgreSQL' })).toContainText('Verbonden met PostgreSQL');
    await page.screenshot({ path: `${SHOTS}/connect-nl.png`, fullPage: true });

    // "Use this database": the serve process re-opens on it; its empty database asks for its first administrator.
    await form.getByRole('button', { name: 'Deze database gebruiken' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deze database gebruiken' }).click();
    // Signed out, the screens follow the new database's default language (English).
    await expect(page.getByRole('heading', { name: /Create the first administrator|De eerste beheerder aanmaken/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `Portier werkt nu op de kantoordatabase ${database.name}` })).toBeVisible();
  } finally {
    await database.drop();
  }
});
