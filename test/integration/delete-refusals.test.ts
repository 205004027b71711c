import { afterEach, beforeEach, expect, it } from 'vitest';
import { errorOf, startTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  await t.close();
});

const link = (organisationId: number, personId: number | null) => ({ organisationId, personId, isDefault: true });

it('a refused delete counts what still refers to the record: accounts, persons and child organisations', async () => {
  const group = await t.call('role-groups:create', { name: 'Readers', permissions: ['tickets.read'] });
  const org = await t.call('organisations:create', { name: 'Brouwerij De Ster' });
  const child = await t.call('organisations:create', { name: 'De Ster Noord', parentId: org.id });
  const person = await t.call('persons:create', { organisationId: org.id, lastName: 'Jansen' });
  await t.call('persons:create', { organisationId: org.id, lastName: 'Peters' });
  await t.call('portal-accounts:create', { username: 'a@example.com', links: [link(org.id, person.id)], roleGroupIds: [group.id] });
  await t.call('portal-accounts:create', { username: 'b@example.com', links: [link(org.id, person.id)], roleGroupIds: [group.id] });
  // An account linked to the organisation alone (no person) refers to it too.
  const loose = await t.call('organisations:create', { name: 'Kaasmakerij Gouda' });
  await t.call('portal-accounts:create', { username: 'c@example.com', links: [link(loose.id, null)], roleGroupIds: [group.id] });

  expect(await errorOf(t.call('organisations:delete', { id: org.id }))).toMatchObject({ code: 'IN_USE', params: { accounts: 2, persons: 2, children: 1 } });
  expect(await errorOf(t.call('organisations:delete', { id: loose.id }))).toMatchObject({ code: 'IN_USE', params: { accounts: 1, persons: 0, children: 0 } });
  expect(await errorOf(t.call('persons:delete', { id: person.id }))).toMatchObject({ code: 'IN_USE', params: { accounts: 2 } });
  expect(await errorOf(t.call('role-groups:delete', { id: group.id }))).toMatchObject({ code: 'IN_USE', params: { accounts: 3 } });
  expect((await t.call('organisations:get', { id: child.id })).name).toBe('De Ster Noord');
});
