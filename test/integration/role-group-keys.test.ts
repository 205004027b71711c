import { afterEach, beforeEach, expect, it } from 'vitest';
import { BUILT_IN_ROLE_GROUPS } from '../../shared/permissions';
import { startTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  await t.close();
});

it('lists the built-in role groups with their stable key, which a rename keeps; new groups have none', async () => {
  const made = await t.call('role-groups:create', { name: 'Readers', permissions: ['tickets.read'] });
  const before = await t.call('role-groups:list', {});
  const client = before.find((g) => g.builtInKey === 'client');
  if (!client) throw new Error('no built-in Client group');
  await t.call('role-groups:update', { id: client.id, name: 'Klant', description: client.description ?? '', permissions: client.permissions });
  const groups = await t.call('role-groups:list', {});
  expect(groups.filter((g) => g.builtInKey !== null).map((g) => g.builtInKey).sort()).toEqual(BUILT_IN_ROLE_GROUPS.map((g) => g.key).sort());
  expect(groups.find((g) => g.id === client.id)).toMatchObject({ name: 'Klant', builtInKey: 'client' });
  expect(groups.find((g) => g.id === made.id)?.builtInKey).toBeNull();
});
