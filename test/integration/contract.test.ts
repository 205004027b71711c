import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../shared/api';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';

/**
 * Every channel, driven through the same dispatcher that IPC and the HTTP bridge use:
 * wrong types, missing fields, unknown fields, oversized strings and unknown ids are
 * refused with a field error, and the database does not change.
 */
let t: TestCore;
let ids: { organisation: number; person: number; staff: number };

beforeAll(async () => {
  t = await startTestCore();
  const organisation = await t.call('organisations:create', { name: 'Sample BV' });
  const person = await t.call('persons:create', { organisationId: organisation.id, lastName: 'Sample' });
  const staff = await t.call('staff:create', { name: 'Sam', email: 'sam@example.com', password: 'sample-password', role: 'staff', mayGrantAccess: false });
  ids = { organisation: organisation.id, person: person.id, staff: staff.id };
});
afterAll(async () => {
  await t.close();
});

/** A valid input for every channel; the first test fails when a new channel has none. */
const samples = (): Record<ChannelName, Record<string, unknown>> => ({
  'setup:status': {},
  'setup:create-administrator': { name: 'Second', email: 'second@example.com', password: 'second-password', language: 'en' },
  'session:sign-in': { email: 'ada@example.com', password: 'not the password' },
  'session:sign-out': {},
  'session:current': {},
  'staff:list': { search: '', sort: 'name', direction: 'asc', offset: 0, limit: 10 },
  'staff:get': { id: ids.staff },
  'staff:create': { name: 'New', email: 'new@example.com', password: 'new-password-1', role: 'staff', mayGrantAccess: false, language: 'en' },
  'staff:update': { id: ids.staff, name: 'Sam', email: 'sam@example.com', role: 'staff', mayGrantAccess: true, active: true, language: 'nl', password: null },
  'staff:set-my-language': { language: 'de' },
  'organisations:list': { search: 'x', sort: 'name', direction: 'desc', offset: 0, limit: 5, parentId: ids.organisation },
  'organisations:get': { id: ids.organisation },
  'organisations:create': { name: 'New Org', customerNumber: 'N-1', country: 'NL', parentId: ids.organisation, language: 'nl', internal: false },
  'organisations:update': { id: ids.organisation, name: 'Sample BV', city: 'Gent', parentId: null },
  'organisations:delete': { id: ids.organisation },
  'persons:list': { search: 'x', sort: 'lastName', direction: 'asc', offset: 0, limit: 5, organisationId: ids.organisation },
  'persons:get': { id: ids.person },
  'persons:create': { organisationId: ids.organisation, lastName: 'New', email: 'n@example.com', mobile: '+31 6 12345678' },
  'persons:update': { id: ids.person, organisationId: ids.organisation, lastName: 'Sample', firstName: 'S' },
  'persons:delete': { id: ids.person },
  'audit:list': { entity: 'person', entityId: ids.person, staffId: ids.staff, from: '2026-01-01', to: '2026-12-31', offset: 0, limit: 10 },
  'settings:get': {},
  'settings:update': { defaultLanguage: 'nl' },
});

/** Keys whose value names a row; an unknown value must give NOT_FOUND (lists treat them as filters). */
const ID_KEYS = ['id', 'organisationId', 'parentId'];

const wrongTypeFor = (value: unknown): unknown =>
  typeof value === 'string' ? 12345 : typeof value === 'number' ? 'twelve' : typeof value === 'boolean' ? 'yes' : { nested: true };

const isRequired = (schema: z.ZodType, key: string): boolean => {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  const field = shape?.[key];
  return field !== undefined && !field.safeParse(undefined).success;
};

async function expectRefused(channel: ChannelName, input: unknown, field: string | null, code = 'VALIDATION') {
  const before = await databaseFingerprint(t.core);
  const result = await t.core.invoke(t.admin, channel, input);
  expect(result.ok, `${channel} accepted ${String(JSON.stringify(input)).slice(0, 200)}`).toBe(false);
  if (result.ok) return;
  expect(result.error.code, channel).toBe(code);
  if (field) expect(result.error.fields?.[field], `${channel}: no field error for ${field}`).toBeDefined();
  expect(JSON.stringify(result.error)).not.toMatch(/at .*\.ts:\d+/);
  expect(await databaseFingerprint(t.core), `${channel} changed the database`).toBe(before);
}

describe('the contract', () => {
  it('has a sample input for every channel, and every sample is valid', () => {
    const all = samples();
    expect(Object.keys(all).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) {
      const parsed = contract[name].input.safeParse(all[name]);
      expect(parsed.success, `${name}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
    }
  });

  it('refuses unknown channels without touching the database', async () => {
    await expectRefused('no:such-channel' as ChannelName, {}, null, 'UNKNOWN_CHANNEL');
    await expectRefused('__proto__' as ChannelName, {}, null, 'UNKNOWN_CHANNEL');
  });

  for (const name of CHANNEL_NAMES) {
    describe(name, () => {
      it('refuses inputs that are not an object', async () => {
        for (const input of [null, 'text', 42, [1, 2], undefined]) await expectRefused(name, input, null);
      });

      it('refuses an unknown field', async () => {
        await expectRefused(name, { ...samples()[name], isAdmin: true }, 'isAdmin');
      });

      it('refuses wrong types, missing required fields and oversized strings, field by field', async () => {
        const sample = samples()[name];
        for (const [key, value] of Object.entries(sample)) {
          if (value === null) continue;
          await expectRefused(name, { ...sample, [key]: wrongTypeFor(value) }, key);
          if (isRequired(contract[name].input, key)) {
            const { [key]: _omitted, ...rest } = sample;
            await expectRefused(name, rest, key);
          }
          if (typeof value === 'string') await expectRefused(name, { ...sample, [key]: 'x'.repeat(100_000) }, key);
        }
      });

      it('answers NOT_FOUND with a field error for ids that do not exist', async () => {
        const sample = samples()[name];
        const idKeys = Object.keys(sample).filter((k) => ID_KEYS.includes(k));
        if (name.endsWith(':list') || idKeys.length === 0) return;
        for (const key of idKeys) await expectRefused(name, { ...sample, [key]: 999_999 }, key, 'NOT_FOUND');
      });
    });
  }
});
