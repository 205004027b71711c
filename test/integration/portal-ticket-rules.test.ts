import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionSlot } from '../../electron/core/auth/session';
import { databaseFingerprint, errorOf, startTestCore, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, signedInCustomer } from '../support/portal';
import { PortalBrowser, testPortal } from '../support/portal-http';
import { portalTicketWorld, type PortalTicketWorld } from '../support/portal-ticket-world';

let t: TestCore;
let app: FastifyInstance;
let w: PortalTicketWorld;
let slot: SessionSlot;

beforeEach(async () => {
  t = await startTestCore();
  app = await testPortal(t);
  w = await portalTicketWorld(t);
  slot = await signedInCustomer(t, w.erik.username);
});
afterEach(async () => {
  await app.close();
  await t.close();
});

/** The refusal of a portal call, and that it changed nothing. */
async function refused(call: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  const before = await databaseFingerprint(t.core);
  const error = await errorOf(call());
  expect(await databaseFingerprint(t.core)).toBe(before);
  return { code: error.code, message: error.message };
}

describe('the core refuses the customer\'s writes (through the portal channels directly)', () => {
  it('on a read-only right: comment, accept, reject and create are FORBIDDEN; reading works', async () => {
    await t.call('tickets:update', { id: w.tickets.invoice.id, status: 'done' });
    const number = w.tickets.invoice.number;
    expect((await t.core.portalCall(slot, 'portal-tickets:get', { number })).may).toEqual({ comment: false, acceptOrReject: false });
    expect((await refused(() => t.core.portalCall(slot, 'portal-tickets:comment', { number, body: 'Hello' }))).code).toBe('FORBIDDEN');
    expect((await refused(() => t.core.portalCall(slot, 'portal-tickets:accept', { number }))).code).toBe('FORBIDDEN');
    expect((await refused(() => t.core.portalCall(slot, 'portal-tickets:reject', { number, reason: 'No' }))).code).toBe('FORBIDDEN');
    expect((await refused(() => t.core.portalCall(slot, 'portal-tickets:create', { projectId: w.projects.archive, taskId: w.tasks.old, title: 'New' }))).code).toBe('FORBIDDEN');
  });

  it('under the global read-only setting: every write is FORBIDDEN and every page hides its write actions', async () => {
    await t.call('ticket-rights:update-settings', { ticketRightsOnInternalProjects: false, customerTicketAccessReadOnly: true });
    const { logo, server } = w.tickets;
    expect((await refused(() => t.core.portalCall(slot, 'portal-tickets:comment', { number: logo.number, body: 'Hello' }))).code).toBe('FORBIDDEN');
    expect((await refused(() => t.core.portalCall(slot, 'portal-tickets:accept', { number: server.number }))).code).toBe('FORBIDDEN');
    expect((await refused(() => t.core.portalCall(slot, 'portal-tickets:reject', { number: server.number, reason: 'No' }))).code).toBe('FORBIDDEN');
    expect((await refused(() => t.core.portalCall(slot, 'portal-tickets:create', { projectId: w.projects.website, taskId: w.tasks.design, title: 'New' }))).code).toBe('FORBIDDEN');

    const browser = new PortalBrowser(app);
    await browser.signIn(w.erik.username, CUSTOMER_PASSWORD);
    const list = await browser.get('/tickets?view=all');
    expect(list.body).toContain('Server slow');
    expect(list.body).not.toContain('href="/tickets/new"');
    for (const ticket of [logo, server]) {
      const page = await browser.get(`/tickets/${ticket.number}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('You can read this ticket, but not change it.');
      expect(page.body).not.toMatch(/action="\/tickets\/\d+\/(comment|accept|reject)"/);
    }
    expect((await browser.get('/tickets/new')).statusCode).toBe(403);
  });

  it('a ticket the contact may not see is NOT_FOUND with the same message as one that does not exist, for reads and writes', async () => {
    const other = w.tickets.cart.number;
    for (const call of [
      (number: number) => t.core.portalCall(slot, 'portal-tickets:get', { number }),
      (number: number) => t.core.portalCall(slot, 'portal-tickets:comment', { number, body: 'Hi' }),
      (number: number) => t.core.portalCall(slot, 'portal-tickets:accept', { number }),
      (number: number) => t.core.portalCall(slot, 'portal-tickets:reject', { number, reason: 'No' }),
    ]) {
      const hidden = await refused(() => call(other));
      const missing = await refused(() => call(99_999));
      expect(hidden).toEqual({ code: 'NOT_FOUND', message: missing.message });
      expect(missing.code).toBe('NOT_FOUND');
    }
    const task = await refused(() => t.core.portalCall(slot, 'portal-tickets:create', { projectId: w.projects.shop, taskId: w.tasks.cart, title: 'Mine now' }));
    const noTask = await refused(() => t.core.portalCall(slot, 'portal-tickets:create', { projectId: w.projects.shop, taskId: 99_999, title: 'Mine now' }));
    expect(task).toEqual(noTask);
  });

  it('refuses what the account\'s role groups do not grant (a reader may read, not comment or create)', async () => {
    const readers = await t.call('role-groups:create', { name: 'Readers only', permissions: ['tickets.read'] });
    await t.call('portal-accounts:update', { id: w.erik.accountId, links: [{ organisationId: w.erik.organisationId, personId: w.erik.personId, isDefault: true }], roleGroupIds: [readers.id] });
    const reader = await signedInCustomer(t, w.erik.username);
    expect((await t.core.portalCall(reader, 'portal-tickets:get', { number: w.tickets.logo.number })).may).toEqual({ comment: false, acceptOrReject: false });
    expect((await t.core.portalCall(reader, 'portal-tickets:options', {})).mayCreate).toBe(false);
    expect((await refused(() => t.core.portalCall(reader, 'portal-tickets:comment', { number: w.tickets.logo.number, body: 'Hi' }))).code).toBe('FORBIDDEN');
    expect((await refused(() => t.core.portalCall(reader, 'portal-tickets:accept', { number: w.tickets.server.number }))).code).toBe('FORBIDDEN');
    expect((await refused(() => t.core.portalCall(reader, 'portal-tickets:create', { projectId: w.projects.website, taskId: w.tasks.design, title: 'New' }))).code).toBe('FORBIDDEN');
  });

  it('no customer channel writes an internal comment: an extra field is refused, and the comment is public', async () => {
    const before = await databaseFingerprint(t.core);
    const result = await t.core.portal(slot, 'portal-tickets:comment', { number: w.tickets.logo.number, body: 'Hi', internal: true });
    expect(result.ok ? null : [result.error.code, result.error.fields]).toEqual(['VALIDATION', { internal: { code: 'unknown_field' } }]);
    expect(await databaseFingerprint(t.core)).toBe(before);
    await t.core.portalCall(slot, 'portal-tickets:comment', { number: w.tickets.logo.number, body: 'Public one' });
    const detail = await t.call('tickets:get', { id: w.tickets.logo.id });
    expect(detail.comments.find((c) => c.body === 'Public one')).toMatchObject({ internal: false, authorAccountId: w.erik.accountId });
  });
});

describe('answers at the same time', () => {
  it('two customers answering one done ticket at once: one answer goes through, the other is a CONFLICT; one audit entry', async () => {
    const { id } = await t.call('portal-accounts:create', { username: 'erik.two@example.com', links: [{ organisationId: w.erik.organisationId, personId: w.erik.personId, isDefault: true }], roleGroupIds: [w.erik.roleGroupId] });
    await t.call('portal-accounts:set-password', { id, password: CUSTOMER_PASSWORD });
    const other = await signedInCustomer(t, 'erik.two@example.com');
    const number = w.tickets.server.number;
    const results = await Promise.allSettled([t.core.portalCall(slot, 'portal-tickets:accept', { number }), t.core.portalCall(other, 'portal-tickets:reject', { number, reason: 'Not yet' })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected');
    expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    const audit = await t.core.deps.db.selectFrom('audit_log').select('action').where('action', 'in', ['accepted', 'rejected']).execute();
    expect(audit).toHaveLength(1);
    const status = (await t.core.deps.db.selectFrom('ticket').select('status').where('id', '=', w.tickets.server.id).executeTakeFirstOrThrow()).status;
    expect(status).toBe(audit[0]?.action);
  });
});

describe('the organisation switcher', () => {
  it('switches the list to the other organisation\'s contact: the view-as list of that link', async () => {
    const second = await t.call('organisations:create', { name: 'Élan Sister AB' });
    const carl = await t.call('persons:create', { organisationId: second.id, firstName: 'Carl', lastName: 'Berg' });
    const project = (await t.call('projects:create', { name: 'Sister shop', organisationId: second.id })).id;
    const task = (await t.call('tasks:create', { projectId: project, name: 'Checkout' })).id;
    await t.call('ticket-rights:grant', { holder: { personId: carl.id }, projectId: project, scope: 'all_tasks' });
    const sisterTicket = await t.call('tickets:create', { title: 'Sister checkout broken', projectId: project, taskId: task, contactPersonId: carl.id });
    await t.call('portal-accounts:update', {
      id: w.erik.accountId,
      links: [
        { organisationId: w.erik.organisationId, personId: w.erik.personId, isDefault: true },
        { organisationId: second.id, personId: carl.id, isDefault: false },
      ],
      roleGroupIds: [w.erik.roleGroupId],
    });
    const browser = new PortalBrowser(app);
    await browser.signIn(w.erik.username, CUSTOMER_PASSWORD);
    const numbers = (body: string) => [...new Set([...body.matchAll(/href="\/tickets\/(\d+)"/g)].map((m) => Number(m[1])))];
    const before = await browser.get('/tickets?view=all');
    expect(numbers(before.body)).not.toContain(sisterTicket.number);
    expect(before.body).toContain('Élan Sister AB');
    const switched = await browser.post('/organisation', { organisationId: String(second.id) });
    expect(switched.headers.location).toBe('/tickets');
    const after = await browser.get('/tickets?view=all');
    const viewAs = await t.call('ticket-view:list', { contact: { accountId: w.erik.accountId, organisationId: second.id }, quickLink: 'all', limit: 25 });
    expect(numbers(after.body)).toEqual(viewAs.rows.map((r) => r.number));
    expect(numbers(after.body)).toEqual([sisterTicket.number]);
    expect(after.body).toContain('Carl Berg');
    // The old organisation's ticket is now out of reach, exactly like one that does not exist.
    expect((await browser.get(`/tickets/${w.tickets.logo.number}`)).statusCode).toBe(404);
  });
});
