import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { sendActivations, type IssuedActivation } from '../../electron/core/activation/activation-service';
import { newSessionSlot } from '../../electron/core/auth/session';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { writeSetting } from '../../electron/core/settings/setting-repository';
import { startPortalServer, type PortalServer } from '../../electron/portal/portal-server';
import { DEFAULT_ACTIVATION_SETTINGS } from '../../shared/api/activation-settings';
import { recordingIssued } from '../support/recording-ports';

/*
 * The activation page in Chromium on a phone-sized screen: the token leaves the address, the
 * live feedback (the bundled shared policy, under the portal's strict CSP) marks the rules while
 * the customer types, nothing overflows at 375 px, axe-core finds nothing serious, and the
 * account becomes active. The core and the portal run in this process on a temporary data folder.
 */

let dataDir: string;
let core: PortierCore;
let portal: PortalServer;
let issued: IssuedActivation;

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-portal-e2e-'));
  core = await openPortierCore({ dataDir, resourcesDir: path.resolve('resources') });
  await writeSetting(core.deps.db, 'activation', { ...DEFAULT_ACTIVATION_SETTINGS, portalUrl: 'https://portal.example.com/' });
  const admin = newSessionSlot();
  await core.call(admin, 'setup:create-administrator', { name: 'Ada Administrator', email: 'ada@example.com', password: 'Correct horse battery 7' });
  const organisation = await core.call(admin, 'organisations:create', { name: 'Brouwerij De Ster en Zonen Internationale Handelsonderneming' });
  const group = await core.call(admin, 'role-groups:create', { name: 'Readers', permissions: ['tickets.read'] });
  const account = await core.call(admin, 'portal-accounts:create', { username: 'anna.van.der.heijden-de-groot@example.com', links: [{ organisationId: organisation.id, isDefault: true }], roleGroupIds: [group.id] });
  const me = await core.call(admin, 'session:current', {});
  const into: IssuedActivation[] = [];
  await sendActivations(recordingIssued(core.deps, into), { id: me?.id ?? 0, name: me?.name ?? '', role: 'administrator', mayGrantAccess: true }, [account.id]);
  issued = into[0] as IssuedActivation;
  portal = await startPortalServer({ core, resourcesDir: path.resolve('resources') });
});

test.afterEach(async () => {
  await portal.close();
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function axeProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('activation on a 375 px screen: clean address, live rules under the strict CSP, accessible, activated', async ({ page }) => {
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${portal.url}/activate?token=${issued.token}`);
  await expect(page).toHaveURL(`${portal.url}/activate`);
  await expect(page.getByRole('heading', { name: 'Activate your account' })).toBeVisible();

  const password = page.getByLabel('New password', { exact: true });
  const rule = (code: string) => page.locator(`[data-rule="${code}"]`);
  await password.fill('anna');
  await expect(rule('too_short')).toHaveClass(/rule--unmet/);
  await expect(rule('needs_upper')).toHaveClass(/rule--unmet/);
  await expect(rule('contains_context')).toHaveClass(/rule--unmet/);
  await expect(page.locator('[data-password-summary]')).toHaveText(/Rules not met yet: \d/);
  await password.fill('Lantern-Orbit-42');
  await expect(page.locator('[data-password-summary]')).toHaveText('The password meets every rule.');
  await expect(page.locator('[data-rule].rule--unmet')).toHaveCount(0);
  await page.getByLabel('New password again').fill('Lantern-Orbit-4');
  await expect(page.locator('[data-repeat-status]')).toHaveText('The two passwords are not the same.');
  await page.getByLabel('New password again').fill('Lantern-Orbit-42');
  await expect(page.locator('[data-repeat-status]')).toHaveText('');

  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeProblems(page)).toEqual([]);

  await page.getByLabel('Activation code (from the letter)').fill(issued.code.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Activate account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account is active' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to sign-in' })).toBeVisible();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeProblems(page)).toEqual([]);
  expect(page.url()).not.toContain(issued.token);
  expect(cspErrors).toEqual([]);
});

test('without JavaScript the form still works: the server shows the rules the password breaks', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  try {
    await page.goto(`${portal.url}/activate?token=${issued.token}`);
    await page.getByLabel('Activation code (from the letter)').fill(issued.code);
    await page.getByLabel('New password', { exact: true }).fill('lantern-orbit');
    await page.getByLabel('New password again').fill('lantern-orbit');
    await page.getByRole('button', { name: 'Activate account' }).click();
    await expect(page.getByRole('alert')).toHaveText('Please check the highlighted fields.');
    await expect(page.getByText('This password does not meet every rule below.')).toBeVisible();
    await expect(rulesUnmet(page)).resolves.toEqual(['needs_upper', 'needs_digit']);
    await expect(page.getByLabel('Activation code (from the letter)')).toHaveValue(issued.code);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  } finally {
    await context.close();
  }
});

const rulesUnmet = (page: Page) => page.locator('[data-rule].rule--unmet').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.rule));
