import fs from 'node:fs';
import { expect, test } from './fixtures';
import { seedTickets } from './ticket-seed';
import { OrganisationsPage } from './pages/contacts';
import { HourCardsPanel, HoursReportPage } from './pages/hours';
import { PortierApp } from './pages/portier-app';

/**
 * Time cannot be booked through the UI yet (tickets are being built), so the test books it
 * straight into the data dir's database, as the tickets screens will: a project of the
 * organisation, a task, a ticket and billable time entries.
 */
async function bookTime(dataDir: string, organisationId: number, entries: { day: string; minutes: number }[]): Promise<void> {
  await seedTickets({ dataDir }, async (seed) => {
    const projectId = await seed.project(organisationId, 'Website');
    const taskId = await seed.task(projectId, 'Build');
    const ticketId = await seed.ticket(1, 'New shop', projectId, taskId);
    for (const entry of entries) await seed.timeEntry({ ticketId, projectId, taskId, workDate: entry.day, minutes: entry.minutes });
  });
}

test('an administrator adds hour cards, opens the hours report, reads its figures and chart, and exports the CSV', async ({ page, portier }) => {
  const app = new PortierApp(page);
  await app.open(portier.url);
  await app.createAdministrator();
  await app.goTo('Organisations');
  await new OrganisationsPage(page).create({ name: 'Bäckerei Müller GmbH', city: 'Köln' });
  const organisationId = Number(/organisations\/(\d+)/.exec(page.url())?.[1]);

  const cards = new HourCardsPanel(page);
  await cards.add({ purchasedOn: '2026-01-05', hours: '12.5', note: 'First card' });
  await cards.add({ purchasedOn: '2026-03-02', hours: '10', note: 'Second card' });
  await expect(cards.row('First card')).toContainText('12.5');
  await expect(cards.row('Second card')).toContainText('10');

  // January 10 h, February 4.5 h: 2 h beyond the first card, paid off by the second one in March.
  await bookTime(portier.dataDir, organisationId, [
    { day: '2026-01-20', minutes: 600 },
    { day: '2026-02-10', minutes: 270 },
  ]);

  await cards.panel.getByRole('button', { name: 'Hours report' }).click();
  await expect(page.getByRole('heading', { name: 'Hours report: Bäckerei Müller GmbH', level: 1 })).toBeVisible();
  const report = new HoursReportPage(page);
  await report.choose({ interval: 'Month', from: '2026-01-01', to: '2026-04-30' });

  // Before, bought, used, used by other projects, after, remaining on cards, overdraft.
  expect(await report.figures('2026-01')).toEqual(['0.00', '12.50', '10.00', '0.00', '2.50', '2.50', '0.00']);
  expect(await report.figures('2026-02')).toEqual(['2.50', '0.00', '4.50', '0.00', '-2.00', '0.00', '2.00']);
  expect(await report.figures('2026-03')).toEqual(['-2.00', '10.00', '0.00', '0.00', '8.00', '8.00', '0.00']);
  expect(await report.figures('2026-04')).toEqual(['8.00', '0.00', '0.00', '0.00', '8.00', '8.00', '0.00']);

  const chart = page.getByRole('img', { name: /4 intervals, 14.5 hours used in total, balance at the end 8 hours/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('rect.hours-chart__bar')).toHaveCount(5); // four intervals and the legend

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const csv = fs.readFileSync(await file.path(), 'utf8');
  expect(csv).toContain('2026-02,2026-02-01,2026-02-28,2.50,0.00,4.50,0.00,-2.00,0.00,2.00');
});
