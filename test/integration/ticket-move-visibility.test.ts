import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';

/*
 * A move to another customer's project: the old customer's contact loses sight of the tickets,
 * the new customer's contact with a right on the new project gains it. The report says so
 * before the move (dry run) and after it, and explain (THE access function) agrees afterwards.
 */
let t: TestCore;
const ids = { anna: 0, annaColleague: 0, bert: 0, bertColleague: 0, webshop: 0, checkout: 0, search: 0, portal: 0, login: 0 };

beforeAll(async () => {
  t = await startTestCore();
  const ster = (await t.call('organisations:create', { name: 'Brouwerij De Ster' })).id;
  const maan = (await t.call('organisations:create', { name: 'Bakkerij De Maan' })).id;
  ids.anna = (await t.call('persons:create', { organisationId: ster, firstName: 'Anna', lastName: 'Peeters' })).id;
  ids.annaColleague = (await t.call('persons:create', { organisationId: ster, firstName: 'Ann', lastName: 'Revoked' })).id;
  ids.bert = (await t.call('persons:create', { organisationId: maan, firstName: 'Bert', lastName: 'Maes' })).id;
  ids.bertColleague = (await t.call('persons:create', { organisationId: maan, firstName: 'Bo', lastName: 'Other-task' })).id;
  ids.webshop = (await t.call('projects:create', { name: 'Webshop', organisationId: ster })).id;
  ids.checkout = (await t.call('tasks:create', { projectId: ids.webshop, name: 'Checkout' })).id;
  ids.search = (await t.call('tasks:create', { projectId: ids.webshop, name: 'Search' })).id;
  ids.portal = (await t.call('projects:create', { name: 'Portal', organisationId: maan })).id;
  ids.login = (await t.call('tasks:create', { projectId: ids.portal, name: 'Login' })).id;
  const otherTask = (await t.call('tasks:create', { projectId: ids.portal, name: 'Reports' })).id;
  await t.call('ticket-rights:grant', { holder: { personId: ids.anna }, projectId: ids.webshop, scope: 'all_tasks', taskId: null, readOnly: false });
  const revoked = await t.call('ticket-rights:grant', { holder: { personId: ids.annaColleague }, projectId: ids.webshop, scope: 'all_tasks', taskId: null, readOnly: false });
  await t.call('ticket-rights:revoke', { id: revoked.id });
  await t.call('ticket-rights:grant', { holder: { personId: ids.bert }, projectId: ids.portal, scope: 'one_task', taskId: ids.login, readOnly: true });
  await t.call('ticket-rights:grant', { holder: { personId: ids.bertColleague }, projectId: ids.portal, scope: 'one_task', taskId: otherTask, readOnly: false });
});
afterAll(() => t.close());

const ticketOn = async (title: string, taskId: number) => t.call('tickets:create', { title, projectId: ids.webshop, taskId });
const explainFor = (personId: number, number: number) => t.call('ticket-view:explain', { contact: { personId }, number });

describe('tickets:move-preview and tickets:move: who gains or loses sight', () => {
  it('names the old customer contact as losing and the new one with a right as gaining, by explain', async () => {
    const a = await ticketOn('Move me a', ids.checkout);
    const b = await ticketOn('Move me b', ids.search);
    const stays = await ticketOn('Stays', ids.checkout);
    // The staff list's filter (every ticket of the Webshop) less the one unticked.
    const input: InputOf<'tickets:move'> = {
      filter: { projectId: ids.webshop, sort: 'number', direction: 'asc' },
      exceptIds: [stays.id],
      projectId: ids.portal,
      taskId: ids.login,
      withTime: 'rebook',
    };
    expect((await explainFor(ids.anna, a.number)).visible).toBe(true);
    expect((await explainFor(ids.bert, a.number)).visible).toBe(false);

    const before = await databaseFingerprint(t.core);
    const preview = await t.call('tickets:move-preview', input);
    expect(await databaseFingerprint(t.core)).toBe(before);
    expect(preview.rows.map((r) => [r.ticketId, r.outcome])).toEqual([
      [a.id, 'moved'],
      [b.id, 'moved'],
    ]);
    // Ann's right is revoked and Bo's covers another task: neither sees the tickets before or after, so neither is listed.
    expect(preview.visibility).toEqual([
      { kind: 'person', personId: ids.anna, accountId: null, organisationId: expect.any(Number), name: 'Anna Peeters', organisationName: 'Brouwerij De Ster', gainsTicketIds: [], losesTicketIds: [a.id, b.id] },
      { kind: 'person', personId: ids.bert, accountId: null, organisationId: expect.any(Number), name: 'Bert Maes', organisationName: 'Bakkerij De Maan', gainsTicketIds: [a.id, b.id], losesTicketIds: [] },
    ]);

    const done = await t.call('tickets:move', input);
    expect(done).toEqual({ ...preview, done: true });
    // The access function says the same now that the tickets lie on the Portal.
    for (const ticket of [a, b]) {
      expect((await explainFor(ids.anna, ticket.number)).visible).toBe(false);
      expect((await explainFor(ids.bert, ticket.number)).visible).toBe(true);
      expect((await explainFor(ids.bertColleague, ticket.number)).visible).toBe(false);
    }
    expect((await explainFor(ids.anna, stays.number)).visible).toBe(true);
  });

  it('lists nobody when a move changes no one\'s sight (another task of a project the contact sees whole)', async () => {
    const c = await ticketOn('Other task', ids.checkout);
    const report = await t.call('tickets:move-preview', { ticketIds: [c.id], projectId: ids.webshop, taskId: ids.search, withTime: 'rebook' });
    expect(report.rows.map((r) => r.outcome)).toEqual(['task_changed']);
    expect(report.visibility).toEqual([]);
  });
});
