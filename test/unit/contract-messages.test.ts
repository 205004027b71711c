import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../../electron/core/validation';
import { createI18n } from '../../renderer/src/i18n/i18n';
import { fieldErrorMessage } from '../../renderer/src/i18n/error-messages';
import { CHANNEL_NAMES, contract } from '../../shared/api';
import { UI_LANGUAGES } from '../../shared/api/common';
import type { FieldError } from '../../shared/errors';
import { channelSamples } from '../support/channel-samples';

const samples = channelSamples({ organisation: 1, person: 2, staff: 3, roleGroup: 4, account: 5, project: 6, task: 7, secondProject: 8, secondTask: 9, category: 10, ticket: 11, assignment: 12, timeEntry: 13 });
const translators = UI_LANGUAGES.map((language) => ({ language, i18n: createI18n(language) }));

/**
 * The field error the core would send for this input, or null when the contract accepts
 * it. "This value is not allowed" is right only for a choice outside a fixed set (an
 * enum: zod's own invalid_value); anywhere else it would hide what is wrong.
 */
function fieldErrorFor(channel: (typeof CHANNEL_NAMES)[number], input: Record<string, unknown>, key: string): FieldError | null {
  const parsed = contract[channel].input.safeParse(input);
  if (parsed.success) return null;
  const error = toFieldErrors(parsed.error, input)[key] ?? null;
  const choice = parsed.error.issues.some((i) => i.path[0] === key && i.code === 'invalid_value');
  if (error?.code === 'invalid_value') expect(choice, `${channel}.${key}: a generic error for ${JSON.stringify(parsed.error.issues)}`).toBe(true);
  return error?.code === 'invalid_value' ? null : error;
}

/** Every language says it in its own words, with the limit, and never the generic fallback. */
function expectHumanMessage(where: string, error: FieldError, limit: number | undefined) {
  for (const { language, i18n } of translators) {
    const text = fieldErrorMessage(i18n.t, error);
    expect(text, `${where} (${language})`).not.toBe(i18n.t('fieldErrors.invalid_value'));
    expect(text, `${where} (${language})`).not.toMatch(/\{\{|fieldErrors\./);
    if (limit !== undefined && limit > 1) expect(text, `${where} (${language})`).toContain(String(limit));
  }
}

describe('every constraint of every contract input', () => {
  it('an empty list that needs entries says "choose at least …", never "the value must be at least 1"', () => {
    let checked = 0;
    for (const channel of CHANNEL_NAMES) {
      for (const [key, value] of Object.entries(samples[channel])) {
        if (!Array.isArray(value)) continue;
        const error = fieldErrorFor(channel, { ...samples[channel], [key]: [] }, key);
        if (!error) continue;
        checked += 1;
        expect(error.code, `${channel}.${key}`).toBe('too_few');
        expectHumanMessage(`${channel}.${key}`, error, error.min);
      }
    }
    // Role groups and links of an account at least.
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('an over-long text says "at most N characters", with its limit', () => {
    for (const channel of CHANNEL_NAMES) {
      for (const [key, value] of Object.entries(samples[channel])) {
        if (typeof value !== 'string') continue;
        const error = fieldErrorFor(channel, { ...samples[channel], [key]: 'x'.repeat(100_000) }, key);
        if (!error) continue;
        if (error.code === 'too_long') expect(error.max, `${channel}.${key}`).toBeGreaterThan(0);
        expectHumanMessage(`${channel}.${key}`, error, error.code === 'too_long' ? error.max : undefined);
      }
    }
  });

  it('a value of the wrong kind still gets a message of its own in every language', () => {
    for (const channel of CHANNEL_NAMES) {
      for (const [key, value] of Object.entries(samples[channel])) {
        if (value === null) continue;
        const wrong = typeof value === 'string' ? 12345 : typeof value === 'number' ? 'twelve' : typeof value === 'boolean' ? 'yes' : { nested: true };
        const error = fieldErrorFor(channel, { ...samples[channel], [key]: wrong }, key);
        if (error) expectHumanMessage(`${channel}.${key}`, error, undefined);
      }
    }
  });
});
