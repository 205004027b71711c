import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../shared/api';
import { channelSamples, createSampleRows, type SampleIds } from '../support/channel-samples';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';

/**
 * Every channel, driven through the same dispatcher that IPC and the HTTP bridge use:
 * wrong types, missing fields, unknown fields, oversized strings and unknown ids are
 * refused with a field error, and the database does not change.
 */
let t: TestCore;
let ids: SampleIds;

beforeAll(async () => {
  t = await startTestCore();
  ids = await createSampleRows(t);
});
afterAll(async () => {
  await t.close();
});

const samples = () => channelSamples(ids);

/** Keys whose value names a row; an unknown value must give NOT_FOUND (lists treat them as filters). */
const ID_KEYS = ['id', 'organisationId', 'parentId', 'moveAccountsTo'];

// A list gets an object; an object (a bulk channel's list filter) gets text, so the error names the field itself.
const wrongTypeFor = (value: unknown): unknown =>
  typeof value === 'string' ? 12345 : typeof value === 'number' ? 'twelve' : typeof value === 'boolean' ? 'yes' : Array.isArray(value) ? { nested: true } : 'not an object';

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
