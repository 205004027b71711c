import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/errors';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';
import { ticketRows } from '../support/ticket-world';

/*
 * "What will this contact see?" (issue 11, point 7): the preview of an edit to a contact's rights
 * names the tickets gained and lost, as the access function would decide after saving, and
 * writes nothing.
 */
let t: TestCore;
let now: Date;
let rows: ReturnType<typeof ticketRows>;
let acme: number;
let globex: number;
let alice: number;

beforeEach(async () => {
  now = new Date('2026-03-01T10:00:00.000Z');
  t = await startTestCore({ clock: () => now });
  rows = ticketRows(t.core.deps.db, () => now);
  acme = (await t.call('organisations:create', { name: 'Acme' })).id;
  globex = (await t.call('organisations:create', { name: 'Globex' })).id;
  alice = (await t.call('persons:create', { organisationId: acme, lastName: 'Alice' })).id;
});
afterEach(async () => {
  await t.close();
});

const holder = () => ({ personId: alice });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

describe('ticket-rights:preview', () => {
  it('lists the tickets an added right gains and a revoked right loses, and changes nothing', async () => {
    const web = await rows.project(acme, 'Web');
    const design = await rows.task(web, 'Design');
    const build = await rows.task(web, 'Build');
    const shop = await rows.project(acme, 'Shop');
    const shopTask = await rows.task(shop);
    const d1 = await rows.ticket(web, design, { title: 'Logo' });
    const d2 = await rows.ticket(web, design, { title: 'Colours' });
    const b1 = await rows.ticket(web, build, { title: 'Deploy' });
    const s1 = await rows.ticket(shop, shopTask, { title: 'Checkout' });
    const right = await t.call('ticket-rights:grant', { holder: holder(), projectId: shop, scope: 'all_tasks' });

    const before = await databaseFingerprint(t.core);
    const preview = await t.call('ticket-rights:preview', { holder: holder(), grant: [{ projectId: web, scope: 'one_task', taskId: design }], revoke: [right.id] });
    expect(await databaseFingerprint(t.core)).toBe(before);

    expect(preview.gain).toEqual({ total: 2, tickets: [{ number: d1, title: 'Logo', projectName: 'Web' }, { number: d2, title: 'Colours', projectName: 'Web' }] });
    expect(preview.lose).toEqual({ total: 1, tickets: [{ number: s1, title: 'Checkout', projectName: 'Shop' }] });
    expect(preview).toMatchObject({ visibleBefore: 1, visibleAfter: 2, blocked: [] });
    expect(preview.gain.tickets.map((x) => x.number)).not.toContain(b1);

    // Saving the same edit makes the contact see exactly what the preview said.
    await t.call('ticket-rights:grant', { holder: holder(), projectId: web, scope: 'one_task', taskId: design });
    await t.call('ticket-rights:revoke', { id: right.id });
    const page = await t.call('ticket-view:list', { contact: holder(), quickLink: 'all', sort: 'number', direction: 'asc' });
    expect(page.rows.map((r) => r.number)).toEqual([d1, d2]);
  });

  it('an existing-tasks right not yet saved covers the tasks the project has now; a right already covered gains nothing', async () => {
    const web = await rows.project(acme, 'Web');
    const a = await rows.ticket(web, await rows.task(web, 'A'));
    const b = await rows.ticket(web, await rows.task(web, 'B'));
    const preview = await t.call('ticket-rights:preview', { holder: holder(), grant: [{ projectId: web, scope: 'existing_tasks' }] });
    expect(preview.gain.tickets.map((x) => x.number)).toEqual([a, b]);
    await t.call('ticket-rights:grant', { holder: holder(), projectId: web, scope: 'all_tasks' });
    const again = await t.call('ticket-rights:preview', { holder: holder(), grant: [{ projectId: web, scope: 'existing_tasks' }] });
    expect(again).toMatchObject({ gain: { total: 0, tickets: [] }, lose: { total: 0, tickets: [] }, visibleBefore: 2, visibleAfter: 2 });
  });

  it('caps the listed tickets at 200 and keeps the totals exact', async () => {
    const web = await rows.project(acme, 'Web');
    const task = await rows.task(web);
    for (let i = 0; i < 205; i++) await rows.ticket(web, task);
    const preview = await t.call('ticket-rights:preview', { holder: holder(), grant: [{ projectId: web, scope: 'all_tasks' }] });
    expect(preview.gain.total).toBe(205);
    expect(preview.gain.tickets).toHaveLength(200);
  });

  it('refuses what saving would refuse: another customer\'s project, a right of someone else', async () => {
    const theirs = await rows.project(globex, 'Theirs');
    const error = await refusal(t.call('ticket-rights:preview', { holder: holder(), grant: [{ projectId: theirs, scope: 'all_tasks' }] }));
    expect(error.fields?.projectId?.code).toBe('other_customer_project');
    const bob = (await t.call('persons:create', { organisationId: acme, lastName: 'Bob' })).id;
    const web = await rows.project(acme, 'Web');
    const bobs = await t.call('ticket-rights:grant', { holder: { personId: bob }, projectId: web, scope: 'all_tasks' });
    const other = await refusal(t.call('ticket-rights:preview', { holder: holder(), revoke: [bobs.id] }));
    expect(other.fields?.revoke?.code).toBe('not_found');
  });
});
