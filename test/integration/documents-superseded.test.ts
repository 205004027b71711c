import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';

let t: TestCore;
let now = new Date('2026-11-01T10:00:00.000Z');
beforeEach(async () => {
  t = await startTestCore({ clock: () => now });
});
afterEach(async () => {
  await t.close();
});

async function account(username: string) {
  const org = await t.call('organisations:create', { name: `Org ${username}`, postalCode: '1234 AB', city: 'Utrecht', addressLine1: 'Straat 1' });
  const groups = await t.call('role-groups:list', {});
  return (await t.call('portal-accounts:create', { username, links: [{ organisationId: org.id, personId: null, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] })).id;
}

it('a reissued activation marks the older letter of that account as superseded, and only that one', async () => {
  const anna = await account('anna@example.com');
  const bert = await account('bert@example.com');
  await t.call('portal-accounts:send-activation', { ids: [anna, bert] });
  now = new Date('2026-11-02T10:00:00.000Z');
  await t.call('portal-accounts:send-activation', { ids: [anna] });
  const { rows } = await t.call('documents:list', {});
  const letters = rows.map((d) => [d.accountUsername, d.createdAt.slice(0, 10), d.superseded]);
  expect(letters).toEqual([
    ['anna@example.com', '2026-11-02', false],
    ['bert@example.com', '2026-11-01', false],
    ['anna@example.com', '2026-11-01', true],
  ]);
});
