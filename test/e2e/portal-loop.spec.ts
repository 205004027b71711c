import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { TicketStatusValue } from '../../electron/core/db/schema';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { withDatabase, type DatabaseTarget } from './database';
import { databaseArgs, expect, startPortal, test } from './fixtures';
import { seedTickets } from './ticket-seed';
import { OrganisationsPage, PersonsPage } from './pages/contacts';
import { DocumentsPage } from './pages/documents';
import { PortalAccountsPage } from './pages/portal-accounts';
import { authenticatorCode, axeProblems, CustomerPortal, totpStepNow } from './pages/portal';
import { PortierApp } from './pages/portier-app';
import { SettingsPage } from './pages/settings';
import { TicketRightsSection, ViewAsPage } from './pages/view-as';

/*
 * The customer's whole loop (issue 12, point 9), with nothing but the back office's screens, a
 * real SMTP server, the letter PDF and the portal: the back office (`serve`) and the portal
 * (`portal`) run as built, beside each other on one data folder (and in project "postgres" on
 * one PostgreSQL database).
 */

// The loop waits for a fresh 30-second authenticator step once; the rest takes well under a minute.
test.setTimeout(150_000);

const ALICE = { email: 'alice@acme.example', password: 'Lantern-Orbit-42' };
const BOB = { email: 'bob@globex.example', password: 'Quiet-Harbour-58' };

/** What the seed made: the tickets Alice's rights cover, and the one she is asked to accept. */
interface Seeded {
  visible: number[];
  done: number;
  globex: number[];
}

/**
 * Projects and tickets straight into the database, as the other e2e tests seed theirs (fifteen
 * tickets through the ticket screen would take most of the time budget): Alice's organisation
 * has a webshop (all tasks her right) and an intranet (one task hers), Globex a portal, and
 * staff an internal project. Every ticket gets its own last change, so the list's order (last
 * change first) is one order, not a tie.
 */
async function seedLoop(target: DatabaseTarget, acmeId: number, globexId: number): Promise<Seeded> {
  const visible: number[] = [];
  const globex: number[] = [];
  await seedTickets(target, async (seed) => {
    const webshop = await seed.project(acmeId, 'Webshop');
    const design = await seed.task(webshop, 'Design');
    const build = await seed.task(webshop, 'Build');
    const intranet = await seed.project(acmeId, 'Intranet');
    const hosting = await seed.task(intranet, 'Hosting');
    const migration = await seed.task(intranet, 'Migration');
    const portal = await seed.project(globexId, 'Globex portal');
    const portalDesign = await seed.task(portal, 'Design');
    const internal = await seed.project(null, 'Office network');
    const ops = await seed.task(internal, 'Operations');
    const tickets: [number, string, number, number, TicketStatusValue, boolean][] = [
      [10001, 'Logo too small', webshop, design, 'new', true],
      [10002, 'Colours too pale', webshop, design, 'in_progress', true],
      [10003, 'New product photos', webshop, design, 'done', true],
      [10004, 'Checkout hangs on iOS', webshop, build, 'waiting_for_customer', true],
      [10005, 'Deploy pipeline', webshop, build, 'closed', true],
      [10006, 'Search returns nothing', webshop, build, 'in_progress', true],
      [10007, 'Backups of the intranet', intranet, hosting, 'new', true],
      [10008, 'Certificate renewal', intranet, hosting, 'accepted', true],
      [10009, 'Disk nearly full', intranet, hosting, 'in_progress', true],
      [10010, 'Mail relay', intranet, hosting, 'new', true],
      [10011, 'Move wiki pages', intranet, migration, 'new', false],
      [10012, 'Old intranet export', intranet, migration, 'in_progress', false],
      [10013, 'Globex landing page', portal, portalDesign, 'new', false],
      [10014, 'Globex colours', portal, portalDesign, 'in_progress', false],
      [10015, 'Switch firmware', internal, ops, 'new', false],
    ];
    // Last changes spread over the past weeks in an order unlike the numbers'.
    const day = 24 * 3600 * 1000;
    for (const [i, [number, title, project, task, status, isVisible]] of tickets.entries()) {
      const id = await seed.ticket(number, title, project, task);
      const updatedAt = new Date(Date.now() - ((i * 7) % 15) * day - i * 60_000).toISOString();
      await seed.db.updateTable('ticket').set({ status, updated_at: updatedAt }).where('id', '=', id).execute();
      if (isVisible) visible.push(number);
      if (project === portal) globex.push(number);
    }
  });
  return { visible, done: 10003, globex };
}

/** The organisation's id, from the address of its page. */
const organisationIdOf = (page: Page): number => Number(/organisations\/(\d+)/.exec(page.url())?.[1]);

/** The code in the letter, read from the PDF with pdftotext (poppler-utils), as a customer reads paper. */
function codeFromLetter(pdf: string): string {
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text.status, text.stderr).toBe(0);
  // The code is printed letter-spaced (pdftotext may keep the gaps): the first line under its label, spaces dropped.
  const lines = text.stdout.slice(text.stdout.indexOf('Your activation code')).split('\n').slice(1);
  const printed = lines.find((line) => line.trim() !== '')?.replace(/\s/g, '') ?? '';
  const code = /^([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(printed)?.[1];
  expect(code, `no activation code in the letter:\n${text.stdout}`).toBeTruthy();
  return code ?? '';
}

/** Waits until the outbox has delivered a mail to ADDRESS whose body matches PATTERN; answers the match. */
async function mailTo(sink: SmtpSink, address: string, pattern: RegExp): Promise<RegExpExecArray> {
  const find = () => sink.mails.filter((m) => m.to.includes(address)).map((m) => pattern.exec(m.body)).find((m) => m !== null) ?? null;
  await expect.poll(find, { message: `a mail to ${address} with ${pattern}`, timeout: 20_000 }).not.toBeNull();
  return find() as RegExpExecArray;
}

test('a customer activates from the mail and the letter, signs in with two steps, sees what "view as contact" shows, creates a ticket and accepts one; another customer sees none of it', async ({ page, portier, browser }) => {
  const sink = await startSmtpSink();
  const portal = await startPortal(portier.dataDir, databaseArgs(portier));
  const contexts: { close(): Promise<void> }[] = [];
  try {
    // 1. Staff set up mail and the portal's address, and create the contacts.
    const app = new PortierApp(page);
    await app.open(portier.url);
    await app.createAdministrator();
    await app.goTo('Settings');
    const settings = new SettingsPage(page);
    await settings.setLocalMailServer({ host: '127.0.0.1', port: sink.port, senderAddress: 'portal@portier.example', senderName: 'Portier customer service' });
    await settings.setPortalAddress(`${portal.url}/`);

    await app.goTo('Organisations');
    const organisations = new OrganisationsPage(page);
    await organisations.create({ name: 'Globex Corporation', addressLine1: 'Hoofdstraat 9', postalCode: '1011 AA', city: 'Amsterdam' });
    const globexId = organisationIdOf(page);
    await app.goTo('Organisations');
    await organisations.create({ name: 'Acme Webdesign', addressLine1: 'Stationsplein 1', postalCode: '3511 ED', city: 'Utrecht' });
    const acmeId = organisationIdOf(page);
    const seeded = await seedLoop(portier, acmeId, globexId);

    await page.getByRole('button', { name: 'New person' }).click();
    const persons = new PersonsPage(page);
    await persons.fill({ firstName: 'Alice', lastName: 'Adams', email: ALICE.email });
    await persons.create();
    const aliceRights = new TicketRightsSection(page);
    await aliceRights.addRight({ project: 'Webshop', scope: 'All tasks (also later ones)' });
    await aliceRights.addRight({ project: 'Intranet', scope: 'One task', task: 'Hosting' });
    await expect(aliceRights.preview.getByRole('heading', { name: `Gains ${seeded.visible.length} tickets` })).toBeVisible();
    await aliceRights.save();
    await page.getByRole('button', { name: 'Create portal account' }).click();
    const accounts = new PortalAccountsPage(page);
    await accounts.saveWithGroups(['Client participant'], /Portal account alice@acme\.example created/);

    // "Activate account": the outbox sends the mail to the SMTP server; the letter is a document.
    await app.goTo('Portal accounts');
    await accounts.rowAction(ALICE.email, 'Activate account…');
    const dialog = page.getByRole('dialog', { name: 'Activate account' });
    await dialog.getByRole('button', { name: 'Send activation' }).click();
    await expect(dialog).toContainText('Activations sent: 1 of 1.');
    await dialog.getByRole('button', { name: 'Dismiss' }).click();
    await expect(accounts.row(ALICE.email)).toContainText('Invited');

    // 2. The link from the mail, the code from the letter's PDF.
    const [link, token] = await mailTo(sink, ALICE.email, new RegExp(`${portal.url.replaceAll('.', '\\.')}/activate\\?token=([\\w-]+)`));
    const documents = new DocumentsPage(page);
    await documents.open();
    const code = codeFromLetter(await documents.saveLetterPdf(ALICE.email));

    // 3. The customer, in a browser of their own: the token leaves the address bar at once.
    const aliceContext = await browser.newContext();
    contexts.push(aliceContext);
    const alice = new CustomerPortal(await aliceContext.newPage(), portal.url);
    await alice.openActivationLink(link);
    expect(alice.page.url()).not.toContain(token);
    expect(await axeProblems(alice.page)).toEqual([]);
    await alice.activate(code.toLowerCase().replaceAll('-', ' '), ALICE.password);
    expect(alice.page.url()).not.toContain(token);
    // The welcome mail is queued once, on activation.
    await mailTo(sink, ALICE.email, /^Subject: Welcome to the /m);

    await alice.page.getByRole('link', { name: 'Go to sign-in' }).click();
    expect(await axeProblems(alice.page)).toEqual([]);
    await alice.signIn(ALICE.email, ALICE.password);
    await expect(alice.heading('My tickets')).toBeVisible();

    // Two-step login with an authenticator app: the secret on the page is what the app is given.
    const secret = await alice.startAuthenticatorSetUp();
    expect(await axeProblems(alice.page)).toEqual([]);
    const setUpCode = await authenticatorCode(secret);
    const setUpStep = totpStepNow();
    const recoveryCodes = await alice.confirmAuthenticator(setUpCode);
    expect(recoveryCodes).toHaveLength(new Set(recoveryCodes).size);
    expect(recoveryCodes.length).toBeGreaterThanOrEqual(8);
    expect(await axeProblems(alice.page)).toEqual([]);
    await alice.page.getByRole('link', { name: 'I have saved my codes: continue' }).click();
    await alice.goTo('My account');
    await expect(alice.page.getByRole('region', { name: 'Two-step login' })).toContainText('Two-step login is on.');
    expect(await axeProblems(alice.page)).toEqual([]);
    await alice.signOut();

    // Signing in again asks for a code; the one just used is refused (a replay), a fresh step's code is taken.
    await alice.signIn(ALICE.email, ALICE.password);
    await expect(alice.page).toHaveURL(`${portal.url}/two-step`);
    await alice.enterTwoStepCode(setUpCode);
    await expect(alice.page.getByRole('alert')).toContainText('This code is not correct, or no longer valid. 4 attempts left.');
    await expect(alice.page.getByLabel('Code', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(await axeProblems(alice.page)).toEqual([]);
    const wait = (setUpStep + 1) * 30_000 - Date.now();
    // The app shows the next code only when the next 30-second step begins.
    if (wait > 0) await alice.page.waitForTimeout(wait + 500);
    await alice.enterTwoStepCode(await authenticatorCode(secret));
    await expect(alice.heading('My tickets')).toBeVisible();

    // 4. Her list is the list "view as contact" shows staff for her, in the same order.
    await alice.openTickets('All');
    expect(await axeProblems(alice.page)).toEqual([]);
    const portalList = await alice.ticketNumbers();
    expect([...portalList].sort()).toEqual(seeded.visible.map((n) => `T-${n}`).sort());

    await app.goTo('Portal accounts');
    await accounts.row(ALICE.email).dblclick();
    await page.getByRole('link', { name: 'View tickets as this contact (Acme Webdesign)' }).click();
    const viewAs = new ViewAsPage(page);
    await expect(page.getByRole('heading', { name: 'Tickets as Alice Adams sees them', level: 1 })).toBeVisible();
    await viewAs.quickLink('All');
    await expect(viewAs.table.locator('tbody tr')).toHaveCount(seeded.visible.length);
    expect(await viewAs.numbers()).toEqual(portalList);

    // 5. She creates a ticket on a task she may write to, and accepts the done one.
    const created = await alice.createTicket({ task: 'Webshop / Design', title: 'Favicon missing', description: 'The shop shows no icon in the browser tab.', priority: 'High' });
    await expect(alice.fact('Status')).toHaveText('New');
    await expect(alice.fact('Priority')).toHaveText('High');
    expect(await axeProblems(alice.page)).toEqual([]);
    await alice.openTickets('Done, to accept');
    expect(await alice.ticketNumbers()).toEqual([`T-${seeded.done}`]);
    await alice.openTicket(`T-${seeded.done}`);
    expect(await axeProblems(alice.page)).toEqual([]);
    await alice.page.getByRole('button', { name: 'Accept the result' }).click();
    await expect(alice.page.getByRole('status')).toHaveText('You accepted the result. Thank you!');
    await expect(alice.fact('Status')).toHaveText('Accepted');
    await alice.openTickets('All');
    // Last change first: the accepted ticket, the new one, then the rest as before.
    expect(await alice.ticketNumbers()).toEqual([`T-${seeded.done}`, created, ...portalList.filter((n) => n !== `T-${seeded.done}`)]);
    await withDatabase(portier, async (db) => {
      const ticket = (number: number) => db.selectFrom('ticket').select(['title', 'status', 'priority']).where('number', '=', number).executeTakeFirst();
      expect(await ticket(seeded.done)).toMatchObject({ status: 'accepted' });
      expect(await ticket(Number(created.slice(2)))).toEqual({ title: 'Favicon missing', status: 'new', priority: 'high' });
    });

    // 6. A contact of another customer, given a password by staff, sees none of Alice's tickets.
    await app.goTo('Organisations');
    await organisations.open('Globex Corporation');
    await page.getByRole('button', { name: 'New person' }).click();
    await persons.fill({ firstName: 'Bob', lastName: 'Brown', email: BOB.email });
    await persons.create();
    const bobRights = new TicketRightsSection(page);
    await bobRights.addRight({ project: 'Globex portal', scope: 'All tasks (also later ones)' });
    await bobRights.save();
    await page.getByRole('button', { name: 'Create portal account' }).click();
    await accounts.saveWithGroups(['Client participant'], /Portal account bob@globex\.example created/);
    await page.getByRole('button', { name: 'Set password…' }).click();
    const setPassword = page.getByRole('dialog', { name: `Set the password of ${BOB.email}` });
    await setPassword.getByLabel('New password', { exact: true }).fill(BOB.password);
    await setPassword.getByLabel('Repeat the new password', { exact: true }).fill(BOB.password);
    await setPassword.getByRole('checkbox', { name: 'Must choose a new password at the next sign-in' }).uncheck();
    await setPassword.getByRole('button', { name: 'Set password' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Password of ${BOB.email} set.` }).last()).toBeVisible();

    const bobContext = await browser.newContext();
    contexts.push(bobContext);
    const bob = new CustomerPortal(await bobContext.newPage(), portal.url);
    await bob.signIn(BOB.email, BOB.password);
    await bob.openTickets('All');
    expect(await bob.ticketNumbers()).toEqual(expect.arrayContaining(seeded.globex.map((n) => `T-${n}`)));
    expect(await bob.ticketNumbers()).toHaveLength(seeded.globex.length);
    for (const theirs of [created, `T-${seeded.done}`, `T-${seeded.visible[0]}`]) {
      const response = await bob.page.goto(`${portal.url}/tickets/${theirs.slice(2)}`);
      expect(response?.status()).toBe(404);
      await expect(bob.heading('Page not found')).toBeVisible();
    }
    expect(await axeProblems(bob.page)).toEqual([]);
  } finally {
    for (const context of contexts) await context.close();
    await portal.stop();
    await sink.close();
  }
});
