import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, signedInCustomer } from '../support/portal';
import { PortalBrowser, testPortal } from '../support/portal-http';
import { TIME_NOTE, portalTicketWorld, type PortalTicketWorld } from '../support/portal-ticket-world';
import { turnOnTotp } from '../support/two-step';

let t: TestCore;
let app: FastifyInstance;
let w: PortalTicketWorld;
let browser: PortalBrowser;

beforeEach(async () => {
  t = await startTestCore();
  app = await testPortal(t);
  w = await portalTicketWorld(t);
  // 10 hours bought; the world booked 95 minutes on 15 January.
  await t.call('hour-cards:create', { organisationId: w.erik.organisationId, purchasedOn: '2026-01-01', minutes: 600 });
  browser = new PortalBrowser(app);
  await browser.signIn(w.erik.username, CUSTOMER_PASSWORD);
});
afterEach(async () => {
  await app.close();
  await t.close();
});

async function grantHoursReport(): Promise<void> {
  const group = await t.call('role-groups:create', { name: 'Hours', permissions: ['reports.hours'] });
  await t.call('portal-accounts:update', { id: w.erik.accountId, links: [{ organisationId: w.erik.organisationId, personId: w.erik.personId, isDefault: true }], roleGroupIds: [w.erik.roleGroupId, group.id] });
}

describe('the hours report page', () => {
  it('is not there without the hours-report permission: the portal\'s 404, no menu entry, and the channel refuses', async () => {
    const page = await browser.get('/hours');
    expect(page.statusCode).toBe(404);
    expect((await browser.get('/tickets')).body).not.toContain('href="/hours"');
    const slot = await signedInCustomer(t, w.erik.username);
    await expect(t.core.portalCall(slot, 'portal-hours:report', { from: '2026-01-01', to: '2026-01-31' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows the organisation\'s prepaid balance per interval (before, bought, used, after), never a time entry', async () => {
    await grantHoursReport();
    const page = await browser.get('/hours?interval=month&from=2026-01-01&to=2026-02-28');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/hours" aria-current="page"');
    const rows = [...page.body.matchAll(/<tr>\s*<th scope="row"[^>]*>([^<]+)<\/th>((?:\s*<td[^>]*>[^<]*<\/td>)+)/g)].map((m) => [m[1], ...[...(m[2] ?? '').matchAll(/>([^<]*)<\/td>/g)].map((c) => c[1])]);
    expect(rows).toEqual([
      ['January 2026', '0.00 h', '10.00 h', '1.58 h', '8.42 h', '8.42 h', '0.00 h'],
      ['February 2026', '8.42 h', '0.00 h', '0.00 h', '8.42 h', '8.42 h', '0.00 h'],
    ]);
    expect(page.body).not.toContain(TIME_NOTE);
    expect(page.body).not.toContain('Logo too small');
  });

  it('shows a wrong period next to its field, keeping what was typed', async () => {
    await grantHoursReport();
    const page = await browser.get('/hours?from=2026-03-01&to=2026-02-01');
    expect(page.statusCode).toBe(400);
    expect(page.body).toMatch(/aria-invalid="true" aria-describedby="h-to-error"/);
    expect(page.body).toContain('The end must not lie before the start.');
    expect(page.body).toContain('value="2026-03-01"');
  });
});

describe('My account', () => {
  it('changes the portal\'s language for the account (and its mails); "default" follows the portal again', async () => {
    await grantHoursReport();
    await browser.get('/account');
    expect((await browser.post('/account/preferences', { language: 'nl', notifyStatusChanges: 'on' })).statusCode).toBe(303);
    const dutch = await browser.get('/hours?interval=month&from=2026-01-01&to=2026-01-31');
    expect(dutch.body).toContain('<html lang="nl">');
    expect(dutch.body).toContain('10,00 u');
    expect(dutch.body).toContain('januari 2026');
    const account = await browser.get('/account');
    expect(account.body).toMatch(/<option value="nl" selected>Nederlands<\/option>/);
    expect(account.body).toMatch(/type="checkbox" checked/);
    const row = await t.core.deps.db.selectFrom('portal_account').select(['language', 'notify_status_changes']).where('id', '=', w.erik.accountId).executeTakeFirstOrThrow();
    expect(row).toEqual({ language: 'nl', notify_status_changes: 1 });
    await browser.post('/account/preferences', { language: 'default', notifyStatusChanges: 'on' });
    expect((await browser.get('/account')).body).toContain('<html lang="en">');
  });

  it('refuses a language no form offers, next to the field, and changes nothing', async () => {
    await browser.get('/account');
    const page = await browser.post('/account/preferences', { language: 'fr', notifyStatusChanges: 'on' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toMatch(/aria-invalid="true" aria-describedby="language-error"/);
    const row = await t.core.deps.db.selectFrom('portal_account').select(['language']).where('id', '=', w.erik.accountId).executeTakeFirstOrThrow();
    expect(row.language).toBe('default');
  });

  it('leads to the password change and to the two-step set-up, saying whether two-step login is on', async () => {
    const off = (await browser.get('/account')).body;
    expect(off).toContain('<a class="button" href="/account/password">Change password</a>');
    expect(off).toContain('Two-step login is off.');
    expect(off).toContain('<a class="button" href="/account/two-step">Set up two-step login</a>');
    expect((await browser.get('/account/password')).statusCode).toBe(200);
    expect((await browser.get('/account/two-step')).statusCode).toBe(200);
    await turnOnTotp(t, await signedInCustomer(t, w.erik.username));
    const on = (await browser.get('/account')).body;
    expect(on).toContain('Two-step login is on.');
    expect(on).toContain('<a class="button" href="/account/two-step">Manage two-step login</a>');
  });
});
