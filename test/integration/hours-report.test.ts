import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { runPortier } from '../support/cli';
import { ADMIN, errorOf, migratedDataDir, setTestPortalUrl } from '../support/core';

/**
 * The hours report on a real database. Projects, tickets and time entries are written directly
 * (their services are built elsewhere); hour cards go through the channels. The numbers are the
 * hand calculation of test/unit/hour-balance.test.ts, with time that must not count added:
 * non-billable time, time on another organisation's project, time after the period.
 */
let data: ReturnType<typeof migratedDataDir>;
let core: PortierCore;
const admin = newSessionSlot();
let organisationId: number;
let website: number;
let support: number;
let otherProject: number;
let supportCard: number;

const call: PortierCore['call'] = (session, channel, input) => core.call(session, channel, input);

async function project(organisation: number, name: string): Promise<{ project: number; ticket: number }> {
  const now = '2025-12-01T00:00:00.000Z';
  const db = core.deps.db;
  const p = await db.insertInto('project').values({ organisation_id: organisation, name, name_key: name.toLowerCase(), archived_at: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  const task = await db.insertInto('task').values({ project_id: p.id, name: 'General', name_key: 'general', archived_at: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  const number = 10_000 + p.id;
  const ticket = await db
    .insertInto('ticket')
    .values({ number, title: `${name} work`, title_key: `${name} work`.toLowerCase(), description: '', status: 'in_progress', priority: 'normal', project_id: p.id, task_id: task.id, assignee_staff_id: null, contact_person_id: null, created_by_staff_id: null, created_by_account_id: null, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { project: p.id, ticket: ticket.id };
}

async function book(target: { project: number; ticket: number }, workDate: string, minutes: number, billable = true): Promise<void> {
  const staff = admin.staffId ?? 0;
  await core.deps.db
    .insertInto('time_entry')
    .values({ ticket_id: target.ticket, project_id: target.project, task_id: null, staff_id: staff, work_date: workDate, minutes, note: '', billable: billable ? 1 : 0, locked_at: null, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' })
    .execute();
}

beforeAll(async () => {
  data = migratedDataDir('portier-hours-');
  core = await openPortierCore({ dataDir: data.dir });
  await setTestPortalUrl(core);
  await call(admin, 'setup:create-administrator', { ...ADMIN });
  organisationId = (await call(admin, 'organisations:create', { name: 'Brouwerij De Ster' })).id;
  const other = (await call(admin, 'organisations:create', { name: 'Other BV' })).id;
  const a = await project(organisationId, 'Website');
  const b = await project(organisationId, 'Support');
  const elsewhere = await project(other, 'Elsewhere');
  website = a.project;
  support = b.project;
  otherProject = elsewhere.project;
  await call(admin, 'hour-cards:create', { organisationId, purchasedOn: '2025-12-15', minutes: 600, note: 'Ten hours' });
  supportCard = (await call(admin, 'hour-cards:create', { organisationId, purchasedOn: '2026-01-10', minutes: 300, projectId: support, note: 'Support only' })).id;
  await book(a, '2025-12-20', 120);
  await book(a, '2026-01-05', 180);
  await book(b, '2026-01-12', 240);
  await book(a, '2026-01-20', 60);
  await book(a, '2026-01-20', 60);
  await book(b, '2026-01-25', 100);
  // None of these count: not billable, another customer's project, after January.
  await book(a, '2026-01-07', 500, false);
  await book(elsewhere, '2026-01-07', 300);
  await book(b, '2026-02-02', 30);
});
afterAll(async () => {
  await core.close();
  data.remove();
});

describe('the hours report', () => {
  it('gives January as the hand calculation: before 8 h, bought 5 h, used 10:40, after 2:20 (3:20 on cards, 1 h overdraft)', async () => {
    const report = await call(admin, 'hours:report', { organisationId, interval: 'month', from: '2026-01-01', to: '2026-01-31' });
    expect(report).toMatchObject({ organisationName: 'Brouwerij De Ster', interval: 'month', projects: [] });
    expect(report.rows).toEqual([
      { label: '2026-01', from: '2026-01-01', to: '2026-01-31', beforeMinutes: 480, boughtMinutes: 300, usedMinutes: 640, usedByOtherProjectsMinutes: 0, afterMinutes: 140, availableMinutes: 200, overdraftMinutes: 60 },
    ]);
  });

  it('for the website project alone: only the general card, and what support took from it', async () => {
    const report = await call(admin, 'hours:report', { organisationId, interval: 'custom', from: '2026-01-01', to: '2026-01-31', projectIds: [website] });
    expect(report.projects).toEqual([{ id: website, name: 'Website' }]);
    expect(report.rows[0]).toMatchObject({ beforeMinutes: 480, boughtMinutes: 0, usedMinutes: 300, usedByOtherProjectsMinutes: 240, afterMinutes: -60, overdraftMinutes: 60 });
  });

  it("refuses another organisation's project and an unknown organisation", async () => {
    expect(await errorOf(call(admin, 'hours:report', { organisationId, from: '2026-01-01', to: '2026-01-31', projectIds: [otherProject] }))).toMatchObject({ code: 'NOT_FOUND', fields: { projectIds: { code: 'not_found' } } });
    expect(await errorOf(call(admin, 'hours:report', { organisationId: 999_999, from: '2026-01-01', to: '2026-01-31' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(call(admin, 'hours:report', { organisationId, from: '2026-02-01', to: '2026-01-31' }))).toMatchObject({ code: 'VALIDATION', fields: { to: { code: 'too_small' } } });
  });

  it('writes CSV in English with commas and a decimal point', async () => {
    const { csv, fileName } = await call(admin, 'hours:report-csv', { organisationId, interval: 'month', from: '2026-01-01', to: '2026-02-28', language: 'en' });
    expect(fileName).toBe('hours-Brouwerij-De-Ster-2026-01-01-2026-02-28.csv');
    expect(csv).toBe(
      'Interval,From,To,Before (h),Bought (h),Used (h),Used by other projects (h),After (h),Available on cards (h),Overdraft (h)\r\n' +
        '2026-01,2026-01-01,2026-01-31,8.00,5.00,10.67,0.00,2.33,3.33,1.00\r\n' +
        '2026-02,2026-02-01,2026-02-28,2.33,0.00,0.50,0.00,1.83,2.83,1.00\r\n',
    );
  });

  it('writes CSV in Dutch with semicolons and a decimal comma, an overdraft as a negative number', async () => {
    const { csv } = await call(admin, 'hours:report-csv', { organisationId, interval: 'month', from: '2026-01-01', to: '2026-01-31', projectIds: [website], language: 'nl' });
    expect(csv).toBe(
      'Interval;Van;Tot en met;Voorafgaand (u);Gekocht (u);Verbruikt (u);Verbruikt door andere projecten (u);Na afloop (u);Beschikbaar op strippenkaarten (u);Tekort (u)\r\n' +
        '2026-01;2026-01-01;2026-01-31;8,00;0,00;5,00;4,00;-1,00;0,00;1,00\r\n',
    );
  });

  it('makes a PDF with the table and the chart legend', async () => {
    const file = await call(admin, 'hours:report-pdf', { organisationId, interval: 'week', from: '2026-01-01', to: '2026-01-31', language: 'de' });
    expect(file).toMatchObject({ fileName: 'hours-Brouwerij-De-Ster-2026-01-01-2026-01-31.pdf', mimeType: 'application/pdf' });
    const pdf = path.join(data.dir, 'report.pdf');
    fs.writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Stundenbericht: Brouwerij De Ster');
    expect(text).toContain('Verbrauchte Stunden');
    expect(text).toContain('Saldo nachher');
    // ISO week 4: before 6 h, used 3:40, after 2:20 (3:20 on cards, 1 h over).
    expect(text).toMatch(/2026-W04\s+2026-01-19\s+2026-01-25\s+6,00\s+0,00\s+3,67\s+0,00\s+2,33\s+3,33\s+1,00/);
  });
});

describe('hour cards', () => {
  it('lists the cards oldest first with what each has given', async () => {
    const cards = await call(admin, 'hour-cards:list', { organisationId });
    expect(cards.map((c) => [c.purchasedOn, c.projectName, c.minutes, c.usedMinutes, c.remainingMinutes])).toEqual([
      ['2025-12-15', null, 600, 600, 0],
      // 100 min in January, 30 in February.
      ['2026-01-10', 'Support', 300, 130, 170],
    ]);
  });

  it('refuses to delete a card that has been used, and deletes an unused one with an audit entry', async () => {
    const before = await call(admin, 'hour-cards:list', { organisationId });
    expect(await errorOf(call(admin, 'hour-cards:delete', { id: supportCard }))).toMatchObject({ code: 'IN_USE' });
    // A new website card pays off the website's hour of overdraft at once: used, so it stays.
    const websiteCard = await call(admin, 'hour-cards:create', { organisationId, purchasedOn: '2026-06-01', minutes: 90, projectId: website });
    expect(websiteCard).toMatchObject({ projectId: website, usedMinutes: 60, remainingMinutes: 30 });
    expect(await errorOf(call(admin, 'hour-cards:delete', { id: websiteCard.id }))).toMatchObject({ code: 'IN_USE', params: { minutes: 60 } });
    // Support owes nothing: its new card is untouched and can go.
    const spare = await call(admin, 'hour-cards:create', { organisationId, purchasedOn: '2026-06-01', minutes: 90, projectId: support });
    expect(spare).toMatchObject({ projectId: support, usedMinutes: 0, remainingMinutes: 90 });
    await call(admin, 'hour-cards:delete', { id: spare.id });
    expect(await call(admin, 'hour-cards:list', { organisationId })).toEqual([...before, websiteCard]);
    const audit = await call(admin, 'audit:list', { entity: 'hour-card', entityId: spare.id, offset: 0, limit: 10 });
    expect(audit.rows.map((r) => r.action)).toEqual(['deleted', 'created']);
    expect(audit.rows[0]?.before).toMatchObject({ organisationId, projectId: support, purchasedOn: '2026-06-01', minutes: 90 });
    // Out of the way of the tests after this one.
    await core.deps.db.deleteFrom('hour_card').where('id', '=', websiteCard.id).execute();
  });

  it("refuses a card for another organisation's project and is for administrators to change", async () => {
    expect(await errorOf(call(admin, 'hour-cards:create', { organisationId, purchasedOn: '2026-01-01', minutes: 60, projectId: otherProject }))).toMatchObject({
      code: 'NOT_FOUND',
      fields: { projectId: { code: 'not_found' } },
    });
    expect(await errorOf(call(admin, 'hour-cards:create', { organisationId, purchasedOn: '2026-02-30', minutes: 60 }))).toMatchObject({ code: 'VALIDATION', fields: { purchasedOn: {} } });
    expect(await errorOf(call(admin, 'hour-cards:create', { organisationId, purchasedOn: '2026-01-01', minutes: 0 }))).toMatchObject({ code: 'VALIDATION', fields: { minutes: {} } });
  });
});

describe('portier report hours', () => {
  it('prints the table, CSV in Dutch, and writes the PDF', async () => {
    const base = ['report', 'hours', '--data-dir', data.dir, '--organisation', String(organisationId), '--from', '2026-01-01', '--to', '2026-01-31'];
    await core.close();
    try {
      const table = await runPortier(base);
      expect(table.stderr).toBe('');
      expect(table.code).toBe(0);
      expect(table.stdout).toMatch(/2026-01\s+2026-01-01\s+2026-01-31\s+8\.00\s+5\.00\s+10\.67\s+0\.00\s+2\.33\s+3\.33\s+1\.00/);
      const pdf = path.join(data.dir, 'cli.pdf');
      const csv = await runPortier([...base, '--interval', 'custom', '--project', String(website), '--csv', '--language', 'nl', '--pdf', pdf]);
      expect(csv.code).toBe(0);
      expect(csv.stdout.split('\r\n')[1]).toBe('2026-01-01 – 2026-01-31;2026-01-01;2026-01-31;8,00;0,00;5,00;4,00;-1,00;0,00;1,00');
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const bad = await runPortier([...base.slice(0, -2), '--to', '2026-13-01']);
      expect(bad.code).toBe(2);
    } finally {
      core = await openPortierCore({ dataDir: data.dir });
    }
  });
});
