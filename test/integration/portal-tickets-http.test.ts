import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';
import { PortalBrowser, testPortal } from '../support/portal-http';
import { INTERNAL_COMMENT, TIME_NOTE, portalTicketWorld, type PortalTicketWorld } from '../support/portal-ticket-world';

let t: TestCore;
let app: FastifyInstance;
let w: PortalTicketWorld;
let erik: PortalBrowser;

beforeEach(async () => {
  t = await startTestCore();
  app = await testPortal(t);
  w = await portalTicketWorld(t);
  erik = new PortalBrowser(app);
  expect((await erik.signIn(w.erik.username, w.password)).statusCode).toBe(303);
});
afterEach(async () => {
  await app.close();
  await t.close();
});

/** The ticket numbers a list page links to, in the order shown. */
const numbersOn = (body: string) => [...new Set([...body.matchAll(/href="\/tickets\/(\d+)"/g)].map((m) => Number(m[1])))];
/** A page without its CSRF tokens (each response gets fresh ones). */
const withoutTokens = (body: string) => body.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf"');

describe('the customer\'s ticket list', () => {
  it('shows exactly what "view as contact" lists for the same contact, for every quick link, filter and sort, in the same order', async () => {
    const contact = { accountId: w.erik.accountId };
    const cases = [
      { url: '/tickets', query: {} },
      { url: '/tickets?view=all', query: { quickLink: 'all' } },
      { url: '/tickets?view=done_to_accept', query: { quickLink: 'done_to_accept' } },
      { url: '/tickets?view=waiting_for_me', query: { quickLink: 'waiting_for_me' } },
      { url: '/tickets?view=all&sort=title&dir=asc', query: { quickLink: 'all', sort: 'title', direction: 'asc' } },
      { url: '/tickets?view=all&sort=number&dir=asc', query: { quickLink: 'all', sort: 'number', direction: 'asc' } },
      { url: `/tickets?view=all&project=${w.projects.website}`, query: { quickLink: 'all', projectId: w.projects.website } },
      { url: `/tickets?view=all&task=${w.tasks.design}`, query: { quickLink: 'all', taskId: w.tasks.design } },
      { url: '/tickets?view=all&priority=normal&status=done', query: { quickLink: 'all', priority: 'normal', status: 'done' } },
      { url: '/tickets?view=all&q=logo', query: { quickLink: 'all', search: 'logo' } },
    ] as const;
    for (const c of cases) {
      const page = await erik.get(c.url);
      expect(page.statusCode, c.url).toBe(200);
      const viewAs = await t.call('ticket-view:list', { contact, limit: 25, ...c.query });
      expect(numbersOn(page.body), c.url).toEqual(viewAs.rows.map((r) => r.number));
    }
    const all = numbersOn((await erik.get('/tickets?view=all')).body);
    expect(all).toHaveLength(4);
    expect(all).not.toContain(w.tickets.cart.number);
  });

  it('pages with links and keeps the filters in them; works without script (a GET form)', async () => {
    for (let i = 0; i < 27; i += 1) await t.call('tickets:create', { title: `Bulk ${i}`, projectId: w.projects.website, taskId: w.tasks.design });
    const first = await erik.get('/tickets?view=all&sort=number&dir=asc');
    expect(numbersOn(first.body)).toHaveLength(25);
    expect(first.body).toContain('Tickets 1 to 25 of 31');
    const next = /href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBe('/tickets?view=all&sort=number&dir=asc&page=2');
    const second = await erik.get(next ?? '');
    const viewAs = await t.call('ticket-view:list', { contact: { accountId: w.erik.accountId }, quickLink: 'all', sort: 'number', direction: 'asc', offset: 25, limit: 25 });
    expect(numbersOn(second.body)).toEqual(viewAs.rows.map((r) => r.number));
    expect(second.body).toMatch(/rel="prev"/);
    expect(first.body).toMatch(/<form method="get" action="\/tickets"/);
    expect(first.body).toContain('aria-sort="ascending"');
  });

  it('shows a search the core refuses next to the field, keeping what was typed', async () => {
    const page = await erik.get(`/tickets?view=all&q=${'x'.repeat(201)}`);
    expect(page.statusCode).toBe(400);
    expect(page.body).toMatch(/aria-invalid="true" aria-describedby="f-search-error"/);
    expect(page.body).toContain('At most 200 characters.');
    expect(page.body).toContain(`value="${'x'.repeat(201)}"`);
  });
});

describe('one ticket', () => {
  it('answers another customer\'s ticket exactly like one that does not exist, and like an unknown page', async () => {
    const other = await erik.get(`/tickets/${w.tickets.cart.number}`);
    const missing = await erik.get('/tickets/99999');
    const nonsense = await erik.get('/tickets/abc');
    const unknownPage = await erik.get('/no-such-page');
    expect([other.statusCode, missing.statusCode, nonsense.statusCode]).toEqual([404, 404, 404]);
    expect(withoutTokens(other.body)).toBe(withoutTokens(missing.body));
    expect(withoutTokens(other.body)).toBe(withoutTokens(nonsense.body));
    expect(withoutTokens(other.body)).toBe(withoutTokens(unknownPage.body));
    expect(other.body).not.toContain('Cart empties itself');
    // A write on it answers alike too, and changes nothing.
    const before = await databaseFingerprint(t.core);
    await erik.get('/tickets');
    const post = await erik.post(`/tickets/${w.tickets.cart.number}/accept`, {});
    const postMissing = await erik.post('/tickets/99999/accept', {});
    expect([post.statusCode, postMissing.statusCode]).toEqual([404, 404]);
    expect(withoutTokens(post.body)).toBe(withoutTokens(postMissing.body));
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('never shows an internal comment, a time entry or its note on any page', async () => {
    const pages = [await erik.get('/tickets?view=all'), await erik.get(`/tickets/${w.tickets.logo.number}`), await erik.get('/tickets/new')];
    for (const page of pages) {
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(INTERNAL_COMMENT);
      expect(page.body).not.toContain(TIME_NOTE);
      expect(page.body).not.toMatch(/\b95\b/);
    }
    expect(pages[1]?.body).toContain('We are on it.');
    expect(pages[1]?.body).toContain('Logo too small');
  });
});

describe('creating a ticket', () => {
  it('offers only tasks with a writable right, and creates the ticket for the account and its person', async () => {
    const form = await erik.get('/tickets/new');
    expect(form.body).toContain(`value="${w.projects.website}:${w.tasks.design}"`);
    expect(form.body).not.toContain(`value="${w.projects.archive}:${w.tasks.old}"`);
    expect(form.body).not.toContain(`value="${w.projects.shop}:${w.tasks.cart}"`);
    const created = await erik.post('/tickets/new', { task: `${w.projects.website}:${w.tasks.hosting}`, title: 'Mail bounces', description: 'Since Monday.\nAll of them.', priority: 'high' });
    expect(created.statusCode).toBe(303);
    const number = Number(/^\/tickets\/(\d+)\?notice=created$/.exec(String(created.headers.location))?.[1]);
    const row = await t.core.deps.db.selectFrom('ticket').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: 'Mail bounces', description: 'Since Monday.\nAll of them.', priority: 'high', status: 'new', created_by_account_id: w.erik.accountId, created_by_staff_id: null, contact_person_id: w.erik.personId, project_id: w.projects.website, task_id: w.tasks.hosting });
    const audit = await t.core.deps.db.selectFrom('audit_log').selectAll().where('entity', '=', 'ticket').where('entity_id', '=', row.id).execute();
    expect(audit.map((a) => [a.action, a.account_id, a.staff_id, a.via])).toEqual([['created', w.erik.accountId, null, 'portal']]);
    const page = await erik.get(String(created.headers.location));
    expect(page.body).toContain('Your ticket has been created.');
    expect(numbersOn((await erik.get('/tickets')).body)).toContain(number);
  });

  it('refuses a read-only task, another customer\'s task and a missing title, keeping what was typed, and changes nothing', async () => {
    await erik.get('/tickets/new');
    const before = await databaseFingerprint(t.core);
    const readOnly = await erik.post('/tickets/new', { task: `${w.projects.archive}:${w.tasks.old}`, title: 'Try', description: 'typed text', priority: 'normal' });
    expect(readOnly.statusCode).toBe(403);
    expect(readOnly.body).toContain('You may not do this on this ticket.');
    const other = await erik.post('/tickets/new', { task: `${w.projects.shop}:${w.tasks.cart}`, title: 'Try', description: 'typed text', priority: 'normal' });
    expect(other.statusCode).toBe(400);
    expect(other.body).toMatch(/id="task-error" role="alert">Choose one of the listed projects and tasks./);
    const empty = await erik.post('/tickets/new', { task: `${w.projects.website}:${w.tasks.design}`, title: '  ', description: 'typed text', priority: 'normal' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/aria-invalid="true" aria-describedby="title-error"/);
    expect(empty.body).toContain('>typed text</textarea>');
    const noTask = await erik.post('/tickets/new', { task: '', title: 'Try', description: 'typed text', priority: 'normal' });
    expect(noTask.statusCode).toBe(400);
    expect(noTask.body).toMatch(/aria-invalid="true" aria-describedby="task-error">/);
    expect(noTask.body).toContain('id="task-error" role="alert">Please choose a project and task.</p>');
    expect(await databaseFingerprint(t.core)).toBe(before);
  });
});

describe('comments and answers', () => {
  it('adds a public comment by the account, audited; an empty one is refused next to the field', async () => {
    await erik.get(`/tickets/${w.tickets.logo.number}`);
    const empty = await erik.post(`/tickets/${w.tickets.logo.number}/comment`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toMatch(/aria-invalid="true" aria-describedby="comment-error"/);
    const posted = await erik.post(`/tickets/${w.tickets.logo.number}/comment`, { body: 'Bigger, <b>please</b>.' });
    expect(posted.statusCode).toBe(303);
    const page = await erik.get(String(posted.headers.location).replace(/#.*/, ''));
    expect(page.body).toContain('Bigger, &lt;b&gt;please&lt;/b&gt;.');
    expect(page.body).toContain('Erik Łukasz');
    const comment = await t.core.deps.db.selectFrom('ticket_comment').selectAll().where('body', '=', 'Bigger, <b>please</b>.').executeTakeFirstOrThrow();
    expect(comment).toMatchObject({ internal: 0, author_account_id: w.erik.accountId, author_staff_id: null });
  });

  it('accepts a done ticket and rejects another with a reason; both audited; a ticket not done cannot be answered', async () => {
    const server = await erik.get(`/tickets/${w.tickets.server.number}`);
    expect(server.body).toContain('Accept the result');
    expect((await erik.get(`/tickets/${w.tickets.logo.number}`)).body).not.toContain('Accept the result');
    const accepted = await erik.post(`/tickets/${w.tickets.server.number}/accept`, {});
    expect(accepted.headers.location).toBe(`/tickets/${w.tickets.server.number}?notice=accepted`);
    const again = await erik.post(`/tickets/${w.tickets.server.number}/reject`, { reason: 'Too late' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This ticket is no longer waiting for your answer.');
    expect(again.body).toMatch(/name="body"[^>]*>Too late<\/textarea>/);

    await t.call('tickets:update', { id: w.tickets.logo.id, status: 'done' });
    await erik.get(`/tickets/${w.tickets.logo.number}`);
    const noReason = await erik.post(`/tickets/${w.tickets.logo.number}/reject`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toMatch(/aria-describedby="reason-error"/);
    expect((await erik.post(`/tickets/${w.tickets.logo.number}/reject`, { reason: 'Still too small' })).statusCode).toBe(303);

    const statusOf = async (id: number) => (await t.core.deps.db.selectFrom('ticket').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    expect([await statusOf(w.tickets.server.id), await statusOf(w.tickets.logo.id)]).toEqual(['accepted', 'rejected']);
    const audit = await t.core.deps.db.selectFrom('audit_log').select(['action', 'account_id', 'after_json']).where('action', 'in', ['accepted', 'rejected']).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.account_id, JSON.parse(a.after_json ?? 'null')])).toEqual([
      ['accepted', w.erik.accountId, { status: 'accepted' }],
      ['rejected', w.erik.accountId, { status: 'rejected', reason: 'Still too small' }],
    ]);
    expect((await erik.get(`/tickets/${w.tickets.logo.number}`)).body).toContain('Still too small');
  });
});
