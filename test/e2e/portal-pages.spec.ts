import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AccountMail } from '../../electron/core/activation/activation-ports';
import { sendActivations, type IssuedActivation } from '../../electron/core/activation/activation-service';
import { sendSetPasswordLink } from '../../electron/core/activation/password-reset-service';
import { newSessionSlot } from '../../electron/core/auth/session';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { writeSetting } from '../../electron/core/settings/setting-repository';
import { startPortalServer, type PortalServer } from '../../electron/portal/portal-server';
import { DEFAULT_ACTIVATION_SETTINGS } from '../../shared/api/activation-settings';
import { recordingIssued, recordingMails } from '../support/recording-ports';
import { expect, test } from './fixtures';
import { axeProblems } from './pages/portal';

/*
 * Every portal page in every state a customer meets (empty forms, forms with errors, lists,
 * messages) on a 375 px phone: nothing wider than the screen, and axe-core finds nothing
 * serious or critical. The loop spec checks the pages of the customer's way through; this one
 * the rest. The core and the portal run in this process on a temporary data folder (and in
 * project "postgres" on a throwaway PostgreSQL database).
 */

// Twenty page states, each checked by axe: 35-45 s on a busy two-core machine, beside another spec.
test.setTimeout(120_000);

const PASSWORD = 'Lantern-Orbit-42';
let dataDir: string;
let core: PortierCore;
let portal: PortalServer;
let activation: IssuedActivation;
let setPasswordToken: string;
let ticketNumber: number;

test.beforeEach(async ({ officeDatabaseUrl }) => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portier-portal-pages-'));
  core = await openPortierCore({ dataDir, resourcesDir: path.resolve('resources'), ...(officeDatabaseUrl ? { databaseUrl: officeDatabaseUrl } : {}) });
  await writeSetting(core.deps.db, 'activation', { ...DEFAULT_ACTIVATION_SETTINGS, portalUrl: 'https://portal.example.com/', companyName: 'Brouwerij De Ster' });
  const admin = newSessionSlot();
  await core.call(admin, 'setup:create-administrator', { name: 'Ada Administrator', email: 'ada@example.com', password: 'Correct horse battery 7' });
  const organisation = await core.call(admin, 'organisations:create', { name: 'Zuivelcoöperatie Noord-Holland Internationaal' });
  const person = await core.call(admin, 'persons:create', { organisationId: organisation.id, firstName: 'Anna', lastName: 'van der Heijden-de Groot' });
  const group = await core.call(admin, 'role-groups:create', { name: 'Customers', permissions: ['tickets.read', 'tickets.create', 'tickets.comment', 'tickets.accept_reject', 'reports.hours'] });
  const link = { organisationId: organisation.id, personId: person.id, isDefault: true };
  const account = await core.call(admin, 'portal-accounts:create', { username: 'anna.van.der.heijden@zuivel-noord.example', links: [link], roleGroupIds: [group.id] });
  await core.call(admin, 'portal-accounts:set-password', { id: account.id, password: PASSWORD });
  const newcomer = await core.call(admin, 'portal-accounts:create', { username: 'piet@zuivel-noord.example', links: [{ organisationId: organisation.id, isDefault: true }], roleGroupIds: [group.id] });
  const project = await core.call(admin, 'projects:create', { name: 'Melkontvangst en kwaliteitsregistratie', organisationId: organisation.id });
  const task = await core.call(admin, 'tasks:create', { projectId: project.id, name: 'Koppeling met het laboratoriumsysteem' });
  await core.call(admin, 'ticket-rights:grant', { holder: { personId: person.id }, projectId: project.id, scope: 'all_tasks' });
  const ticket = await core.call(admin, 'tickets:create', { title: 'Weegbrugtickets van de nachtploeg komen dubbel binnen in het kwaliteitsoverzicht', projectId: project.id, taskId: task.id, contactPersonId: person.id, status: 'done' });
  ticketNumber = ticket.number;
  await core.call(admin, 'tickets:comment', { ticketId: ticket.id, body: 'Opgelost in de koppeling; graag controleren.', internal: false });
  await core.call(admin, 'hour-cards:create', { organisationId: organisation.id, purchasedOn: '2026-01-01', minutes: 600 });
  const me = await core.call(admin, 'session:current', {});
  const actor = { id: me?.id ?? 0, name: me?.name ?? '', role: 'administrator' as const, mayGrantAccess: true };
  const issued: IssuedActivation[] = [];
  await sendActivations(recordingIssued(core.deps, issued), actor, [newcomer.id]);
  activation = issued[0] as IssuedActivation;
  const mails: AccountMail[] = [];
  await sendSetPasswordLink(recordingMails(core.deps, mails), actor, account.id);
  const mail = mails.find((m) => m.type === 'set-password');
  setPasswordToken = mail && 'link' in mail ? mail.link.token : '';
  portal = await startPortalServer({ core, resourcesDir: path.resolve('resources') });
});

test.afterEach(async () => {
  await portal.close();
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** What is wrong with the page as shown now: wider than the screen, or axe's serious and critical findings. */
async function problemsOf(page: Page, name: string): Promise<string[]> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return [...(overflow > 0 ? [`${name}: ${overflow} px wider than the screen`] : []), ...(await axeProblems(page)).map((p) => `${name}: ${p}`)];
}

test('every page and form state fits a 375 px phone and has no serious accessibility problem', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const check = async (name: string, heading: string | RegExp) => {
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    problems.push(...(await problemsOf(page, name)));
  };
  try {
    await page.goto(`${portal.url}/sign-in`);
    await page.getByLabel('Email address').fill('nobody@example.com');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('The email address or password is not correct.');
    await check('sign-in with an error', 'Sign in');

    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await check('forgot password', 'Forgot your password?');
    await page.getByRole('button', { name: 'Send link' }).click();
    await check('forgot password, nothing typed', 'Forgot your password?');
    await page.getByLabel('Email address').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Send link' }).click();
    await check('forgot password, sent', 'Check your mail');

    await page.goto(`${portal.url}/activate`);
    await check('activation without its link (the letter’s QR code)', 'Use the link in your mail');
    await page.goto(`${portal.url}/activate?token=${activation.token}`);
    await page.getByLabel('Activation code (from the letter)').fill('ACDF-GHJK-MN7P');
    await page.getByLabel('New password', { exact: true }).fill('lantern');
    await page.getByLabel('New password again').fill('lantern-');
    await page.getByRole('button', { name: 'Activate account' }).click();
    await check('activation with errors', 'Activate your account');

    await page.goto(`${portal.url}/set-password?token=${setPasswordToken}`);
    await check('set password', 'Choose a new password');

    await page.goto(`${portal.url}/sign-in`);
    await page.getByLabel('Email address').fill('anna.van.der.heijden@zuivel-noord.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await check('ticket list', 'My tickets');
    await page.goto(`${portal.url}/tickets?view=all&q=%C2%A7`);
    await check('ticket list, nothing found', 'My tickets');
    await page.goto(`${portal.url}/tickets/${ticketNumber}`);
    await check('ticket, done, to accept', /^T-\d+: Weegbrugtickets/);
    await page.getByRole('button', { name: 'Reject the result' }).click();
    await check('ticket, rejected without a reason', /^T-\d+: Weegbrugtickets/);
    await page.goto(`${portal.url}/tickets/new`);
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await expect(page.getByText('Please choose a project and task.')).toBeVisible();
    await check('new ticket with errors', 'New ticket');
    await page.goto(`${portal.url}/tickets/999999`);
    await check('a ticket that is not there', 'Page not found');

    await page.goto(`${portal.url}/hours?interval=month&from=2026-01-01&to=2026-03-31`);
    await expect(page.getByRole('table')).toBeVisible();
    await check('hours report', 'Hours report');

    await page.goto(`${portal.url}/account`);
    await check('my account', 'My account');
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByLabel('Current password').fill('not it');
    await page.getByLabel('New password', { exact: true }).fill('Harbour-Lantern-77');
    await page.getByLabel('New password again').fill('Harbour-Lantern-77');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('The current password is not correct.')).toBeVisible();
    await check('change password with a wrong current one', 'Change password');
    await page.goto(`${portal.url}/account/two-step`);
    await check('two-step login, off', 'Two-step login');
    await page.getByRole('button', { name: 'Use an authenticator app' }).click();
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Turn on two-step login' }).click();
    await expect(page.getByText('This code is not correct. Please try again.')).toBeVisible();
    await check('two-step set-up with a wrong code', 'Two-step login');
  } finally {
    await context.close();
  }
  expect(problems).toEqual([]);
});
