import { spawnSync } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { OrganisationsPage, PersonsPage } from './pages/contacts';
import { PortalAccountsPage } from './pages/portal-accounts';
import { PortierApp } from './pages/portier-app';

/** The two office screens the issue names: a 14" laptop and a full-HD monitor. */
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** 120 characters, accented, with hardly a place to break: what overflows headings, toasts and dialogs. */
const LONG_ORGANISATION = `Établissements Hôtelières Généralistes Müller-Lüdenscheidt-Ørsted-Ågesen-Çelik-Žižka-Ñúñez ${'É'.repeat(29)}`.slice(0, 120);
const LONG_PERSON = { firstName: 'Marie-Thérèse-Françoise-Geneviève', lastName: 'Van-den-Heuvel-Schöngeist-Ødegård-Lindqvist' };
const LONG_EMAIL = 'marie-therese.francoise-genevieve.vandenheuvel-schoengeist@etablissements-hotelieres.example';
const ROOT = path.resolve(import.meta.dirname, '../..');

function cli(dataDir: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/portier.mjs'), ...args, '--data-dir', dataDir], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** Demo data through the CLI (before the page opens), signed in as its administrator, in English. */
async function signInToDemo(page: Page, portier: { url: string; dataDir: string }): Promise<PortierApp> {
  const printed = cli(portier.dataDir, 'seed-demo');
  const password = /password for all: (\S+)\)/.exec(printed)?.[1];
  const email = /^\s+(\S+@\S+)\s+\(.*administrator\)/m.exec(printed)?.[1];
  expect(password && email, printed).toBeTruthy();
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.signIn(email ?? '', password ?? '');
  // The demo administrator works in Dutch; the selectors below are English.
  await page.getByRole('navigation').getByRole('link', { name: 'Instellingen', exact: true }).click();
  await page.getByLabel('Mijn taal').selectOption('en');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true })).toBeVisible();
  return app;
}

interface ButtonProblem {
  button: string;
  problem: string;
}

/**
 * Every button a user is meant to see (rendered, not inside a closed menu) must have a box,
 * be the element hit at its centre once scrolled to, and lie inside the viewport sideways;
 * the document itself must not scroll sideways (tables may, inside their own scroll container).
 */
async function buttonProblems(page: Page): Promise<ButtonProblem[]> {
  return page.evaluate(() => {
    const problems: { button: string; problem: string }[] = [];
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) problems.push({ button: '(document)', problem: `scrolls sideways: ${doc.scrollWidth} > ${window.innerWidth}` });
    // Tables that are not the account grid must fit their width: a row's buttons beyond the edge are as good as gone.
    for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap:not(.table-wrap--scroll)')) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) problems.push({ button: `(table ${wrap.querySelector('caption')?.textContent ?? ''})`, problem: `wider than its box: ${wrap.scrollWidth} > ${wrap.clientWidth}` });
    }
    // While a modal dialog is open, the page behind it is out of reach by design: only the dialog counts.
    const scope: ParentNode = document.querySelector('[role="dialog"][aria-modal="true"]') ?? document;
    const buttons = [...scope.querySelectorAll<HTMLElement>('button, [role="button"], input[type="button"], input[type="submit"]')];
    for (const el of buttons) {
      // Closed menus and collapsed sections are not rendered at all; those are not the user's to see.
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60) || el.outerHTML.slice(0, 80);
      // Centred, not "if needed": a button half under the sticky top bar counts as visible to scrollIntoViewIfNeeded.
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const box = el.getBoundingClientRect();
      if (box.width < 1 || box.height < 1) {
        problems.push({ button: name, problem: 'has no size' });
        continue;
      }
      if (box.left < -1 || box.right > window.innerWidth + 1) problems.push({ button: name, problem: `outside the viewport: ${Math.round(box.left)}..${Math.round(box.right)} of ${window.innerWidth}` });
      const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      // A notification may lie over a button for the seconds it shows; it can be dismissed and is not layout.
      const underToast = hit?.closest('.notifications') && !el.closest('.notifications');
      if (!underToast && (!hit || !(hit === el || el.contains(hit)))) problems.push({ button: name, problem: `covered by ${hit ? hit.outerHTML.slice(0, 100) : 'nothing'}` });
      // Text in the colour of what shows behind it (white on a white panel) is invisible whatever axe-core makes of it.
      let behind = 'rgb(255, 255, 255)';
      for (let node: HTMLElement | null = el; node; node = node.parentElement) {
        const background = getComputedStyle(node).backgroundColor;
        if (background !== 'rgba(0, 0, 0, 0)' && background !== 'transparent') {
          behind = background;
          break;
        }
      }
      const colour = getComputedStyle(el).color;
      if (colour === behind) problems.push({ button: name, problem: `text colour equals the background behind it: ${colour}` });
    }
    return problems;
  });
}

/** Serious or critical axe-core findings, each with the elements it names. */
async function axeProblems(page: Page): Promise<string[]> {
  // Mail previews are sandboxed frames without scripts (the mail as the customer sees it):
  // axe-core cannot run inside them and waits for them until the test times out.
  const result = await new AxeBuilder({ page }).exclude('iframe[sandbox]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
}

/** Checks the screen as it is now at both sizes, with a screenshot of each in /tmp for a human look. */
async function checkScreen(page: Page, screen: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Let layout settle after the resize (virtualised lists measure their rows).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: `/tmp/portier-layout/${screen}-${size.width}.png` });
    expect.soft(await buttonProblems(page), `${screen} at ${size.width}×${size.height}: buttons`).toEqual([]);
    expect.soft(await axeProblems(page), `${screen} at ${size.width}×${size.height}: axe-core`).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
}

test.describe('layout at 1366×768 and 1920×1080, with long names', () => {
  test.describe.configure({ timeout: 150_000 });

  test('organisations and persons: lists, pages, a toast and the delete dialog', async ({ page, portier }) => {
    await signInToDemo(page, portier);
    const app = new PortierApp(page);
    await app.goTo('Organisations');
    await checkScreen(page, 'organisations');
    const organisations = new OrganisationsPage(page);
    await organisations.create({ name: LONG_ORGANISATION, postalCode: '75001', city: 'Paris', country: 'FR' });
    // The "created" toast with the long name is still showing.
    await checkScreen(page, 'organisation-with-toast');
    await page.getByRole('button', { name: 'New person' }).click();
    const persons = new PersonsPage(page);
    await persons.fill({ ...LONG_PERSON, email: LONG_EMAIL });
    await persons.create();
    await checkScreen(page, 'person');
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('dialog', { name: 'Delete person' })).toBeVisible();
    await checkScreen(page, 'person-delete-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await app.goTo('Persons');
    await checkScreen(page, 'persons');
    await app.goTo('Organisations');
    await organisations.open(LONG_ORGANISATION);
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('dialog', { name: 'Delete organisation' })).toBeVisible();
    await checkScreen(page, 'organisation-delete-dialog');
  });

  test('portal accounts, the activate dialog, documents and outbox', async ({ page, portier }) => {
    await signInToDemo(page, portier);
    const app = new PortierApp(page);
    await app.goTo('Organisations');
    await new OrganisationsPage(page).create({ name: LONG_ORGANISATION, postalCode: '75001', city: 'Paris', country: 'FR' });
    await page.getByRole('button', { name: 'New person' }).click();
    const persons = new PersonsPage(page);
    await persons.fill({ ...LONG_PERSON, email: LONG_EMAIL });
    await persons.create();
    await page.getByRole('button', { name: 'Create portal account' }).click();
    const accounts = new PortalAccountsPage(page);
    await accounts.saveWithGroups(['Client'], /created/);
    // The new account's page has loaded and stopped fetching (its form takes the record as loaded).
    await expect(page.locator('section.screen[aria-busy="true"]')).toHaveCount(0);
    // A second organisation shows each link's "Remove <organisation>" button.
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await expect(page.getByRole('button', { name: `Remove ${LONG_ORGANISATION}` })).toBeVisible();
    await checkScreen(page, 'account');

    await app.goTo('Portal accounts');
    await checkScreen(page, 'accounts');
    // The list reaches down to the window's bottom, its keyboard hint in view, without the page scrolling.
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const fit = await page.evaluate(() => {
        const grid = document.querySelector('.table-wrap--scroll')?.getBoundingClientRect();
        const hint = document.querySelector('.table-wrap--scroll + *')?.getBoundingClientRect();
        return { gridBottom: grid?.bottom ?? 0, hintBottom: hint?.bottom ?? Infinity, height: window.innerHeight, scrolls: document.documentElement.scrollHeight > window.innerHeight };
      });
      expect(fit.gridBottom, `accounts at ${size.width}×${size.height}`).toBeGreaterThan(fit.height - 80);
      expect(fit.hintBottom, `accounts at ${size.width}×${size.height}`).toBeLessThanOrEqual(fit.height);
      expect(fit.scrolls, `accounts at ${size.width}×${size.height}`).toBe(false);
    }
    // Three rows selected: the delete dialog's button says how many it deletes.
    await accounts.grid().getByRole('row').nth(1).click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menu').getByRole('menuitem', { name: 'Delete…' }).click();
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Delete 3 portal accounts' })).toBeVisible();
    await checkScreen(page, 'accounts-delete-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await accounts.search('marie-therese');
    await accounts.rowAction(LONG_EMAIL, 'Activate account…');
    await expect(page.getByRole('dialog', { name: 'Activate account' })).toBeVisible();
    await checkScreen(page, 'activate-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Send activation' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Dismiss' }).click();

    await page.getByRole('navigation').getByRole('link', { name: 'Documents', exact: true }).click();
    await expect(page.getByRole('row').filter({ hasText: LONG_EMAIL })).toBeVisible();
    await checkScreen(page, 'documents');
    await page.getByRole('row').filter({ hasText: LONG_EMAIL }).getByRole('button', { name: 'Delete' }).click();
    await checkScreen(page, 'document-delete-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('navigation').getByRole('link', { name: 'Outbox', exact: true }).click();
    await page.getByRole('button', { name: /customer portal/ }).first().click();
    await checkScreen(page, 'outbox');
  });

  test('role groups, staff, audit log and every settings section', async ({ page, portier }) => {
    await signInToDemo(page, portier);
    const app = new PortierApp(page);
    await checkScreen(page, 'settings');
    await app.goTo('Role groups');
    await checkScreen(page, 'role-groups');
    await page.getByRole('row').filter({ hasText: 'Client participant' }).first().click();
    await expect(page.getByRole('heading', { name: 'Client participant', level: 1 })).toBeVisible();
    await checkScreen(page, 'role-group');
    await app.goTo('Staff');
    await checkScreen(page, 'staff');
    await page.getByRole('row').filter({ hasText: 'Jonas Becker' }).first().click();
    await expect(page.getByRole('heading', { name: 'Jonas Becker', level: 1 })).toBeVisible();
    await checkScreen(page, 'staff-member');
    await app.goTo('Audit log');
    await checkScreen(page, 'audit-log');

    // German has the longest menu: the top bar must still be one line at 1366 px.
    await app.goTo('Settings');
    await page.getByLabel('My language').selectOption('de');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Einstellungen', exact: true })).toBeVisible();
    await checkScreen(page, 'settings-de');
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const bar = await page.getByRole('banner').boundingBox();
      expect(bar?.height, `top bar at ${size.width} px in German`).toBeLessThan(64);
    }
  });
});
