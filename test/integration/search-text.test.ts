import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../shared/api';
import { channelSamples, createSampleRows } from '../support/channel-samples';
import { startTestCore, type TestCore } from '../support/core';

// Found from the contract itself, so a list channel added later is covered without editing this test.
const SEARCH_CHANNELS = CHANNEL_NAMES.filter((name) => {
  const input = contract[name].input as z.ZodType;
  return input instanceof z.ZodObject && 'search' in input.shape;
});

let t: TestCore;
let samples: ReturnType<typeof channelSamples>;
beforeAll(async () => {
  t = await startTestCore();
  samples = channelSamples(await createSampleRows(t));
});
afterAll(async () => {
  await t.close();
});

async function dispatched(channel: ChannelName, search: string) {
  // A list's other required input (the contact of "view as contact") from its sample; only the search varies.
  const { search: _sampleSearch, ...rest } = samples[channel] as Record<string, unknown>;
  return t.core.invoke(t.admin, channel, { ...rest, search });
}

describe('search text of every list', () => {
  it('is found on the list channels (organisations, persons, staff, portal accounts, projects, tasks, tickets, a contact’s tickets, a ticket’s possible contacts)', () => {
    expect([...SEARCH_CHANNELS].sort()).toEqual(['organisations:list', 'persons:list', 'portal-accounts:list', 'projects:list', 'staff:list', 'tasks:list', 'ticket-view:list', 'tickets:contact-options', 'tickets:list']);
  });

  it.each(SEARCH_CHANNELS)('%s refuses a NUL byte with a field error, never INTERNAL and never every row', async (channel) => {
    for (const search of ['Sample\u0000', '\u0000', 'a\u0000b', 'x\u001by', 'a\u007fb', 'a\u0085b', 'line\nbreak']) {
      const result = await dispatched(channel, search);
      expect(result, JSON.stringify(search)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'VALIDATION', fields: { search: { code: 'control_character' } } }),
      });
    }
  });

  it.each(SEARCH_CHANNELS)('%s still searches ordinary text, with spaces around it trimmed', async (channel) => {
    const result = await dispatched(channel, '  zzz-nothing-matches  ');
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ rows: [], total: 0 }) });
  });
});
