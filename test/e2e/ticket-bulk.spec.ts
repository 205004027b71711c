import path from 'node:path';
import Database from 'better-sqlite3';
import { INVOKE_PATH } from '../../shared/bridge';
import { expect, test } from './fixtures';
import { seedTickets } from './ticket-seed';
import { OrganisationsPage } from './pages/contacts';
import { PortierApp } from './pages/portier-app';
import { TicketBulkActions } from './pages/ticket-bulk';
import { TicketsPage } from './pages/tickets';

const database = (dataDir: string) => new Database(path.join(dataDir, 'portier.sqlite'), { fileMustExist: true });

/**
 * Written straight into the data dir's database, as tickets.spec.ts does: two projects of the
 * organisation with a task each, T-10001 with 1:30 of unlocked and 0:30 of locked time on its
 * primary project, and T-10002 without time.
 */
async function seedTicketsWithTime(dataDir: string, organisationId: number): Promise<void> {
  await seedTickets({ dataDir }, async (seed) => {
    const webshop = await seed.project(organisationId, 'Webshop');
    const design = await seed.task(webshop, 'Design');
    const support = await seed.project(organisationId, 'Support desk');
    await seed.task(support, 'Hotline');
    const first = await seed.ticket(10001, 'Logo too small', webshop, design);
    await seed.ticket(10002, 'Colours too pale', webshop, design);
    await seed.timeEntry({ ticketId: first, projectId: webshop, taskId: design, workDate: '2026-01-05', minutes: 90, note: 'Drafts' });
    await seed.timeEntry({ ticketId: first, projectId: webshop, taskId: design, workDate: '2025-12-01', minutes: 30, note: 'Invoiced', locked: true });
  });
}

/** Each time entry's project and whether it is locked, in booking order. */
function entryProjects(dataDir: string): unknown[] {
  const db = database(dataDir);
  try {
    return db.prepare('SELECT p.name AS project, e.locked_at IS NOT NULL AS locked FROM time_entry e JOIN project p ON p.id = e.project_id ORDER BY e.id').all();
  } finally {
    db.close();
  }
}

test('select tickets, change their primary project with "rebook", read the dry run, run it and read the report', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: 'Acme Webdesign' });
  const organisationId = Number(/organisations\/(\d+)/.exec(page.url())?.[1]);
  await seedTicketsWithTime(portier.dataDir, organisationId);

  await new TicketsPage(page).open();
  await page.getByRole('checkbox', { name: 'Select T-10001' }).check();
  await page.getByRole('checkbox', { name: 'Select T-10002' }).check();
  await expect(page.getByText('2 selected')).toBeVisible();

  const dialog = await new TicketBulkActions(page).changePrimaryProject({ project: 'Support desk — Acme Webdesign', task: 'Hotline', withTime: /^Rebook the time entries/ });
  const dryRun = dialog.getByRole('region', { name: 'Dry run: nothing has been changed yet' });
  await expect(dryRun).toContainText('time rebooked: 1.5 h (1 entries)');
  await expect(dryRun).toContainText('locked time kept: 0.5 h (1 entries)');
  await expect(dryRun.getByRole('row', { name: /T-10001/ })).toContainText('Webshop / Design');
  await expect(dryRun.getByRole('row', { name: /T-10001/ })).toContainText('Support desk / Hotline');
  await expect(dryRun.getByRole('row', { name: /T-10002/ })).toContainText('Moved');
  // The dry run changed nothing.
  expect(entryProjects(portier.dataDir)).toEqual([
    { project: 'Webshop', locked: 0 },
    { project: 'Webshop', locked: 1 },
  ]);

  // The move runs as one job in the core; the dialog asks how far it is. The job's first status
  // answer is held back here, so the running stage can be read before the two tickets are done.
  let releaseStatus: () => void = () => undefined;
  const statusHeld = new Promise<void>((resolve) => (releaseStatus = resolve));
  await page.route(`**${INVOKE_PATH}`, async (route) => {
    if ((route.request().postDataJSON() as { channel?: string }).channel === 'tickets:job-status') await statusHeld;
    await route.continue();
  });
  await dialog.getByRole('button', { name: 'Change 2 tickets' }).click();
  await expect(dialog.getByRole('progressbar', { name: '0 of 2 tickets' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stop: nothing will be changed' })).toBeVisible();
  releaseStatus();
  const report = dialog.getByRole('region', { name: 'Report' });
  await expect(report).toContainText('moved: 2');
  await expect(report.getByRole('row', { name: /T-10001/ })).toContainText('Moved');
  await expect(report.getByRole('row', { name: /T-10001/ })).toContainText('1.5 h');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /T-10001/ })).toContainText('Support desk / Hotline');

  // The unlocked entry moved with the ticket; the locked one stayed on the old project, kept as a secondary assignment.
  expect(entryProjects(portier.dataDir)).toEqual([
    { project: 'Support desk', locked: 0 },
    { project: 'Webshop', locked: 1 },
  ]);
});
