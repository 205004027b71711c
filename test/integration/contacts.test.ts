import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, startTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  await t.close();
});

const org = (name: string, extra: Record<string, unknown> = {}) => t.call('organisations:create', { name, ...extra });

describe('organisations', () => {
  it('creates, reads and updates an organisation with accented text, empty fields stored as null', async () => {
    const created = await org('Ștefănescu Construcții SRL', { customerNumber: ' C-1001 ', country: 'ro', city: 'Cluj-Napoca', addressLine2: '' });
    expect(created).toMatchObject({ name: 'Ștefănescu Construcții SRL', customerNumber: 'C-1001', country: 'RO', addressLine2: null, language: 'default', internal: false });
    const updated = await t.call('organisations:update', { id: created.id, name: 'Ștefănescu SRL', internal: true, country: 'RO' });
    expect(updated).toMatchObject({ name: 'Ștefănescu SRL', internal: true, customerNumber: null });
    expect(await t.call('organisations:get', { id: created.id })).toEqual(updated);
  });

  it('refuses a customer number that another organisation has, naming the field', async () => {
    await org('A', { customerNumber: 'X1' });
    const error = await errorOf(org('B', { customerNumber: 'X1' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual({ customerNumber: { code: 'taken' } });
  });

  it('keeps umbrella structures free of cycles', async () => {
    const umbrella = await org('Umbrella');
    const child = await org('Child', { parentId: umbrella.id });
    const grandchild = await org('Grandchild', { parentId: child.id });
    const error = await errorOf(t.call('organisations:update', { id: umbrella.id, name: 'Umbrella', parentId: grandchild.id }));
    expect(error.code).toBe('CYCLE');
    expect(error.fields?.parentId?.code).toBe('cycle');
    const self = await errorOf(t.call('organisations:update', { id: child.id, name: 'Child', parentId: child.id }));
    expect(self.code).toBe('CYCLE');
    expect((await t.call('organisations:get', { id: umbrella.id })).childCount).toBe(1);
    const children = await t.call('organisations:list', { parentId: umbrella.id });
    expect(children.rows.map((r) => r.name)).toEqual(['Child']);
  });

  it('refuses to delete an organisation that still has persons or children, then deletes it when free', async () => {
    const parent = await org('Parent');
    const child = await org('Child', { parentId: parent.id });
    const person = await t.call('persons:create', { organisationId: child.id, lastName: 'Jansen' });
    expect((await errorOf(t.call('organisations:delete', { id: parent.id }))).code).toBe('IN_USE');
    const inUse = await errorOf(t.call('organisations:delete', { id: child.id }));
    expect(inUse.code).toBe('IN_USE');
    expect(inUse.params).toEqual({ accounts: 0, persons: 1, children: 0 });
    await t.call('persons:delete', { id: person.id });
    await t.call('organisations:delete', { id: child.id });
    await t.call('organisations:delete', { id: parent.id });
    expect((await t.call('organisations:list', {})).total).toBe(0);
  });

  it('searches, sorts and pages in SQL, taking % and _ literally', async () => {
    for (const name of ['Delta', 'alpha', 'Charlie', 'Bravo', '100% Foods', 'Echo_Bay']) await org(name, { city: 'Utrecht' });
    const page1 = await t.call('organisations:list', { sort: 'name', direction: 'asc', limit: 2, offset: 0 });
    const page2 = await t.call('organisations:list', { sort: 'name', direction: 'asc', limit: 2, offset: 2 });
    expect(page1.total).toBe(6);
    expect([...page1.rows, ...page2.rows].map((r) => r.name)).toEqual(['100% Foods', 'alpha', 'Bravo', 'Charlie']);
    expect((await t.call('organisations:list', { search: 'ALPH' })).rows.map((r) => r.name)).toEqual(['alpha']);
    expect((await t.call('organisations:list', { search: '%' })).rows.map((r) => r.name)).toEqual(['100% Foods']);
    expect((await t.call('organisations:list', { search: '_' })).rows.map((r) => r.name)).toEqual(['Echo_Bay']);
    const desc = await t.call('organisations:list', { sort: 'name', direction: 'desc', limit: 1 });
    expect(desc.rows[0]?.name).toBe('Echo_Bay');
  });
});

describe('persons', () => {
  it('creates, lists by organisation, updates and deletes a person', async () => {
    const a = await org('Bäckerei Müller GmbH');
    const b = await org('Ørsted Rådgivning AS');
    const p = await t.call('persons:create', {
      organisationId: a.id,
      salutation: 'Frau',
      firstName: 'Jürgen',
      lastName: 'Größe',
      email: 'j.groesse@example.de',
      mobile: '+49 170 1234567',
      language: 'de',
    });
    expect(p).toMatchObject({ organisationName: 'Bäckerei Müller GmbH', email: 'j.groesse@example.de', language: 'de' });
    await t.call('persons:create', { organisationId: b.id, lastName: 'Hansen' });
    expect((await t.call('persons:list', { organisationId: a.id })).rows.map((r) => r.lastName)).toEqual(['Größe']);
    expect((await t.call('persons:list', { search: 'rådgivning' })).rows.map((r) => r.lastName)).toEqual(['Hansen']);
    const moved = await t.call('persons:update', { id: p.id, organisationId: b.id, lastName: 'Größe', email: '' });
    expect(moved).toMatchObject({ organisationId: b.id, email: null, firstName: null });
    expect((await t.call('organisations:get', { id: b.id })).personCount).toBe(2);
    await t.call('persons:delete', { id: p.id });
    expect((await errorOf(t.call('persons:get', { id: p.id }))).code).toBe('NOT_FOUND');
  });

  it('refuses an invalid email or mobile with field errors', async () => {
    const a = await org('A');
    const error = await errorOf(t.call('persons:create', { organisationId: a.id, lastName: 'X', email: 'not-an-email', mobile: 'call me' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.email?.code).toBe('invalid_email');
    expect(error.fields?.mobile).toBeDefined();
  });
});

describe('audit of contact changes', () => {
  it('writes who, when, what and before/after for every change', async () => {
    const a = await org('Before GmbH', { city: 'Köln' });
    await t.call('organisations:update', { id: a.id, name: 'After GmbH', city: 'Köln' });
    await t.call('organisations:delete', { id: a.id });
    const log = await t.call('audit:list', { entity: 'organisation', entityId: a.id });
    expect(log.rows.map((r) => r.action)).toEqual(['deleted', 'updated', 'created']);
    const update = log.rows[1];
    expect(update?.before).toEqual({ name: 'Before GmbH' });
    expect(update?.after).toEqual({ name: 'After GmbH' });
    expect(update?.staffName).toBe('Ada Administrator');
    expect(update?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
