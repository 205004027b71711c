import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, errorOf, startTestCore, type TestCore } from '../support/core';

/*
 * A ticket's contact is a person of the primary project's customer or of an organisation under
 * it; on an internal project anybody may be the contact (ticket-contact-service.ts says why).
 */

let t: TestCore;
const org = { group: 0, subsidiary: 0, other: 0, office: 0 };
const person = { group: 0, subsidiary: 0, grandchild: 0, other: 0, office: 0 };
const project = { group: 0, subsidiary: 0, other: 0, internal: 0, office: 0 };
const task = { group: 0, subsidiary: 0, other: 0, internal: 0, office: 0 };

beforeAll(async () => {
  t = await startTestCore();
  org.group = (await t.call('organisations:create', { name: 'Brouwerij Groep' })).id;
  org.subsidiary = (await t.call('organisations:create', { name: 'Brouwerij Noord', parentId: org.group })).id;
  const grandchild = (await t.call('organisations:create', { name: 'Brouwerij Noord Tap', parentId: org.subsidiary })).id;
  org.other = (await t.call('organisations:create', { name: 'Globex' })).id;
  org.office = (await t.call('organisations:create', { name: 'Our office', internal: true })).id;
  person.group = (await t.call('persons:create', { organisationId: org.group, firstName: 'Greet', lastName: 'Zwart' })).id;
  person.subsidiary = (await t.call('persons:create', { organisationId: org.subsidiary, firstName: 'Sanne', lastName: 'Aalders' })).id;
  person.grandchild = (await t.call('persons:create', { organisationId: grandchild, firstName: 'Tom', lastName: 'Tap' })).id;
  person.other = (await t.call('persons:create', { organisationId: org.other, firstName: 'Otto', lastName: 'Anders' })).id;
  person.office = (await t.call('persons:create', { organisationId: org.office, firstName: 'Ilse', lastName: 'Zee' })).id;
  for (const [key, organisationId] of [
    ['group', org.group],
    ['subsidiary', org.subsidiary],
    ['other', org.other],
    ['internal', null],
    ['office', org.office],
  ] as const) {
    project[key] = (await t.call('projects:create', { name: `Project ${key}`, organisationId })).id;
    task[key] = (await t.call('tasks:create', { projectId: project[key], name: `Task ${key}` })).id;
  }
});
afterAll(async () => {
  await t.close();
});

const on = (key: keyof typeof project, contactPersonId: number | null, title = 'Tap runs dry') =>
  t.call('tickets:create', { title, projectId: project[key], taskId: task[key], contactPersonId });

/** A refusal on contactPersonId with the translated code, that changed nothing. */
async function expectOtherCustomer(call: () => Promise<unknown>) {
  const before = await databaseFingerprint(t.core);
  const error = await errorOf(call());
  expect(error.code).toBe('VALIDATION');
  expect(error.fields).toEqual({ contactPersonId: { code: 'contact_of_other_customer' } });
  expect(await databaseFingerprint(t.core)).toBe(before);
}

describe("a ticket's contact on a customer's project", () => {
  it("is a person of the project's organisation or of one under it, at any depth", async () => {
    expect((await on('group', person.group)).contactName).toBe('Greet Zwart');
    expect((await on('group', person.subsidiary)).contactName).toBe('Sanne Aalders');
    expect((await on('group', person.grandchild)).contactName).toBe('Tom Tap');
    expect((await on('subsidiary', person.grandchild)).contactPersonId).toBe(person.grandchild);
    expect((await on('group', null)).contactPersonId).toBeNull();
  });

  it("is refused for another customer's person, and for the umbrella's person on a subsidiary's project", async () => {
    await expectOtherCustomer(() => on('group', person.other));
    await expectOtherCustomer(() => on('subsidiary', person.group));
    // Internal organisations are no customer of a customer's project either.
    await expectOtherCustomer(() => on('other', person.office));
    expect((await errorOf(on('group', 999_999))).fields).toEqual({ contactPersonId: { code: 'not_found' } });
  });

  it('is checked when an edit changes the contact or the project, and never for an edit that leaves both', async () => {
    const ticket = await on('group', person.group, 'Edited');
    await expectOtherCustomer(() => t.call('tickets:update', { id: ticket.id, contactPersonId: person.other }));
    // Moving to Globex's project while Greet stays the contact.
    await expectOtherCustomer(() => t.call('tickets:update', { id: ticket.id, projectId: project.other, taskId: task.other }));
    const moved = await t.call('tickets:update', { id: ticket.id, projectId: project.other, taskId: task.other, contactPersonId: person.other });
    expect(moved).toMatchObject({ projectId: project.other, contactPersonId: person.other });

    // A contact set before the rule held: editing the title (the form sends every field) is not refused.
    await t.core.deps.db.updateTable('ticket').set({ contact_person_id: person.group }).where('id', '=', ticket.id).execute();
    const renamed = await t.call('tickets:update', { id: ticket.id, title: 'Renamed', projectId: project.other, taskId: task.other, contactPersonId: person.group });
    expect(renamed).toMatchObject({ title: 'Renamed', contactPersonId: person.group });
  });
});

describe("a ticket's contact on an internal project", () => {
  it('may be anybody: customers raise tickets on internal projects too', async () => {
    expect((await on('internal', person.other)).contactPersonId).toBe(person.other);
    expect((await on('office', person.group)).contactPersonId).toBe(person.group);
    expect((await on('office', person.office)).contactPersonId).toBe(person.office);
  });
});

describe('tickets:contact-options', () => {
  const names = async (key: keyof typeof project, search = '') => {
    const page = await t.call('tickets:contact-options', { projectId: project[key], search, limit: 20 });
    return { names: page.rows.map((r) => r.name), total: page.total };
  };

  it("offers the project's organisation's persons first, then those of the organisations under it, never another customer's", async () => {
    expect(await names('group')).toEqual({ names: ['Greet Zwart', 'Sanne Aalders', 'Tom Tap'], total: 3 });
    expect(await names('subsidiary')).toEqual({ names: ['Sanne Aalders', 'Tom Tap'], total: 2 });
    expect(await names('other')).toEqual({ names: ['Otto Anders'], total: 1 });
  });

  it("offers everybody on an internal project, the internal organisation's own first", async () => {
    expect(await names('office')).toEqual({ names: ['Ilse Zee', 'Sanne Aalders', 'Otto Anders', 'Tom Tap', 'Greet Zwart'], total: 5 });
    expect((await names('internal')).total).toBe(5);
  });

  it('searches names and organisations in SQL, and pages with the total', async () => {
    expect(await names('group', 'sanne')).toEqual({ names: ['Sanne Aalders'], total: 1 });
    expect(await names('group', 'noord')).toEqual({ names: ['Sanne Aalders', 'Tom Tap'], total: 2 });
    expect(await names('group', 'otto')).toEqual({ names: [], total: 0 });
    const first = await t.call('tickets:contact-options', { projectId: project.office, search: '', limit: 2 });
    expect(first).toMatchObject({ total: 5, rows: [{ name: 'Ilse Zee', organisationName: 'Our office' }, { name: 'Sanne Aalders', organisationName: 'Brouwerij Noord' }] });
    expect((await errorOf(t.call('tickets:contact-options', { projectId: 999_999, search: '', limit: 5 }))).fields).toEqual({ projectId: { code: 'not_found' } });
  });
});
