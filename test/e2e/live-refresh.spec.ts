import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase } from '../support/postgres';
import { expect, startServer, test } from './fixtures';
import { OrganisationsPage } from './pages/contacts';
import { ADMIN, PortierApp } from './pages/portier-app';

/**
 * Issue 13, point 3: what one desk changes appears in another's open screens within seconds,
 * without a reload. Browser mode: the organisations list open in one tab shows an organisation
 * created in another tab (same server on SQLite; two servers on one PostgreSQL database).
 */

/** A few seconds: the push itself takes milliseconds; the refetch and render the rest. */
const WITHIN = { timeout: 5_000 };

/** A tab of its own (its own sessionStorage, so its own sign-in), as a colleague's. */
async function newTab(browser: Browser, url: string): Promise<{ page: Page; app: PortierApp; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const app = new PortierApp(page);
  await app.open(url);
  return { page, app, close: () => context.close() };
}

/** Marks the page, to prove later that it was never reloaded (a reload forgets the mark). */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { portierTestMark: string }).portierTestMark = 'not reloaded'));
}
const markOf = (page: Page) => page.evaluate(() => (window as unknown as { portierTestMark?: string }).portierTestMark ?? null);

/** Creates the organisation in tab B and expects tab A's open list to show it, unreloaded. */
async function createInBSeeInA(a: Page, b: Page, name: string): Promise<void> {
  const rowInA = a.getByRole('row').filter({ hasText: name });
  await expect(rowInA).toHaveCount(0);
  await markPage(a);
  await new OrganisationsPage(b).create({ name, city: 'Gouda' });
  await expect(rowInA).toBeVisible(WITHIN);
  expect(await markOf(a)).toBe('not reloaded');
}

test('an organisation created in one tab appears in the organisations list open in another, without a reload', async ({ page, portier, browser }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Organisations');

  const colleague = await newTab(browser, portier.url);
  try {
    await colleague.app.signIn(ADMIN.email, ADMIN.password);
    await colleague.app.goTo('Organisations');
    await createInBSeeInA(page, colleague.page, 'Kaasmakerij Live BV');
    // And the other way round: the first tab's change reaches the second.
    await colleague.app.goTo('Organisations');
    await markPage(colleague.page);
    await new OrganisationsPage(page).create({ name: 'Terugweg BV', city: 'Delft' });
    await expect(colleague.page.getByRole('row').filter({ hasText: 'Terugweg BV' })).toBeVisible(WITHIN);
    expect(await markOf(colleague.page)).toBe('not reloaded');
  } finally {
    await colleague.close();
  }
});

const pgUp = await postgresAnswers();

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
}

test(`two browser-mode servers on one PostgreSQL database: a change on one appears on the other's open list${pgUp ? '' : NO_POSTGRES}`, async ({ page, browser }) => {
  test.skip(!pgUp, NO_POSTGRES);
  const database = await throwawayDatabase();
  const folders = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'portier-e2e-office-')));
  const children: ChildProcess[] = [];
  try {
    // One after the other: the first migrates the empty database.
    const first = await startServer(folders[0] as string, ['--database', database.url]);
    children.push(first.child);
    const second = await startServer(folders[1] as string, ['--database', database.url]);
    children.push(second.child);

    const app = new PortierApp(page);
    await app.open(first.url);
    await app.createAdministrator();
    await app.goTo('Organisations');

    const colleague = await newTab(browser, second.url);
    try {
      await colleague.app.signIn(ADMIN.email, ADMIN.password);
      await colleague.app.goTo('Organisations');
      await createInBSeeInA(page, colleague.page, 'Tweede Bureau BV');
    } finally {
      await colleague.close();
    }
  } finally {
    for (const child of children) await stop(child);
    await database.drop();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  }
});
