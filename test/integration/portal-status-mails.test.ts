import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionSlot } from '../../electron/core/auth/session';
import { startTestCore, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, signedInCustomer } from '../support/portal';
import { PortalBrowser, testPortal } from '../support/portal-http';
import { portalTicketWorld, type PortalTicketWorld } from '../support/portal-ticket-world';

let t: TestCore;
let app: FastifyInstance;
let w: PortalTicketWorld;
let erik: SessionSlot;
let anna: SessionSlot;
/** A ticket Anna created in the portal whose contact staff then made Erik: both follow it. */
let shared: { id: number; number: number };

/** Another account of Erik's organisation, linked to PERSON, with Erik's role group. */
async function account(username: string, personId: number) {
  const { id } = await t.call('portal-accounts:create', { username, links: [{ organisationId: w.erik.organisationId, personId, isDefault: true }], roleGroupIds: [w.erik.roleGroupId] });
  await t.call('portal-accounts:set-password', { id, password: CUSTOMER_PASSWORD });
  return id;
}

beforeEach(async () => {
  t = await startTestCore();
  app = await testPortal(t);
  w = await portalTicketWorld(t);
  const annaPerson = await t.call('persons:create', { organisationId: w.erik.organisationId, firstName: 'Anna', lastName: 'Holm' });
  await t.call('ticket-rights:grant', { holder: { personId: annaPerson.id }, projectId: w.projects.website, scope: 'all_tasks' });
  await account('anna@example.com', annaPerson.id);
  // Two more accounts on Erik's person: one opts out, one is switched off.
  await account('olaf@example.com', w.erik.personId);
  const gone = await account('gone@example.com', w.erik.personId);
  await t.call('portal-accounts:set-active', { id: gone, active: false });
  const olaf = await signedInCustomer(t, 'olaf@example.com');
  await t.core.portalCall(olaf, 'portal-preferences:update', { language: 'default', notifyStatusChanges: false });
  erik = await signedInCustomer(t, w.erik.username);
  anna = await signedInCustomer(t, 'anna@example.com');
  await t.core.portalCall(anna, 'portal-preferences:update', { language: 'nl', notifyStatusChanges: true });
  const { number } = await t.core.portalCall(anna, 'portal-tickets:create', { projectId: w.projects.website, taskId: w.tasks.design, title: 'Banner flickers' });
  const id = (await t.core.deps.db.selectFrom('ticket').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
  shared = { id, number };
  await t.call('tickets:update', { id, contactPersonId: w.erik.personId });
});
afterEach(async () => {
  await app.close();
  await t.close();
});

/** The status mails queued so far: to whom, about which ticket (from the subject), oldest first. */
async function statusMails() {
  const rows = await t.core.deps.db.selectFrom('outbox_mail').select(['to_address', 'subject', 'html', 'status']).where('kind', '=', 'ticket-status').orderBy('id').execute();
  return rows.map((r) => ({ to: r.to_address, ticket: /T-(\d+)/.exec(r.subject)?.[1] ?? '', subject: r.subject, html: r.html, status: r.status }));
}
const pairs = async () => (await statusMails()).map((m) => `${m.to} ${m.ticket}`);

describe('status change mails', () => {
  it('a staff edit of the status mails each follower once (creator and contact), in their language, with the link; not opted-out or inactive accounts', async () => {
    expect(await statusMails()).toEqual([]);
    await t.call('tickets:update', { id: shared.id, status: 'in_progress' });
    const mails = await statusMails();
    expect(mails.map((m) => m.to).sort()).toEqual(['anna@example.com', 'erik@example.com']);
    const toAnna = mails.find((m) => m.to === 'anna@example.com');
    const toErik = mails.find((m) => m.to === 'erik@example.com');
    expect(toAnna?.subject).toBe(`T-${shared.number} is nu "In behandeling": Banner flickers`);
    expect(toErik?.subject).toBe(`T-${shared.number} is now "In progress": Banner flickers`);
    expect(toErik?.html).toContain(`https://portal.example.com/tickets/${shared.number}`);
    expect(toErik?.html).toContain('changed from "New" to "In progress"');
    expect(toErik?.status).toBe('queued');
    // Anything but the status mails nobody.
    await t.call('tickets:update', { id: shared.id, priority: 'urgent', title: 'Banner flickers a lot' });
    expect(await statusMails()).toHaveLength(2);
  });

  it('a bulk status change mails each follower once per changed ticket; an unchanged ticket mails nobody', async () => {
    const { logo, wait, server } = w.tickets;
    await t.call('tickets:bulk-update', { ticketIds: [logo.id, wait.id, server.id, shared.id], changes: { status: 'done' } });
    expect((await pairs()).sort()).toEqual(
      [`erik@example.com ${logo.number}`, `erik@example.com ${wait.number}`, `erik@example.com ${shared.number}`, `anna@example.com ${shared.number}`].sort(),
    );
  });

  it('a customer\'s accept mails the other followers, not the customer who accepted', async () => {
    await t.call('tickets:update', { id: shared.id, status: 'done' });
    const before = (await statusMails()).length;
    await t.core.portalCall(erik, 'portal-tickets:accept', { number: shared.number });
    const after = (await statusMails()).slice(before);
    expect(after.map((m) => m.to)).toEqual(['anna@example.com']);
    expect(after[0]?.subject).toContain('Geaccepteerd');
  });

  it('mails nobody who can no longer see the ticket (moved to another customer\'s project in the same change)', async () => {
    // The contact belongs to the old customer, so the move takes it off (a ticket's contact is a person of its project's customer); the creator no longer sees it.
    await t.call('tickets:update', { id: shared.id, projectId: w.projects.shop, taskId: w.tasks.cart, contactPersonId: null, status: 'in_progress' });
    expect(await statusMails()).toEqual([]);
  });

  it('the opt-out on My account stops the mails (and is audited with the account as actor)', async () => {
    const browser = new PortalBrowser(app);
    await browser.signIn(w.erik.username, CUSTOMER_PASSWORD);
    const page = await browser.get('/account');
    expect(page.body).toMatch(/<input id="notify" name="notifyStatusChanges" type="checkbox" checked/);
    const saved = await browser.post('/account/preferences', { language: 'default' });
    expect(saved.headers.location).toBe('/account?notice=saved');
    const again = await browser.get('/account?notice=saved');
    expect(again.body).toContain('Your settings have been saved.');
    expect(again.body).not.toMatch(/type="checkbox" checked/);
    const audit = await t.core.deps.db.selectFrom('audit_log').select(['action', 'account_id', 'via', 'before_json', 'after_json']).where('entity', '=', 'portal-account').where('entity_id', '=', w.erik.accountId).where('action', '=', 'updated').execute();
    expect(audit.map((a) => [a.account_id, a.via, JSON.parse(a.before_json ?? '{}'), JSON.parse(a.after_json ?? '{}')])).toEqual([[w.erik.accountId, 'portal', { notifyStatusChanges: true }, { notifyStatusChanges: false }]]);
    await t.call('tickets:update', { id: shared.id, status: 'in_progress' });
    expect((await statusMails()).map((m) => m.to)).toEqual(['anna@example.com']);
  });
});
