import { describe, expect, it } from 'vitest';
import { createI18n, resources } from '../../../renderer/src/i18n/i18n';
import { errorMessage, fieldErrorMessage } from '../../../renderer/src/i18n/error-messages';
import { UI_LANGUAGES } from '../../../shared/api/common';
import { AppError, ERROR_CODES, type FieldErrorCode } from '../../../shared/errors';

/** Every leaf key of a nested message object, as "a.b.c". */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

// A Record over the union makes the compiler fail this file when a code is added to shared/errors.ts.
const FIELD_CODES: Record<FieldErrorCode, true> = {
  required: true, invalid_type: true, too_short: true, too_long: true, too_small: true, too_big: true, invalid_email: true,
  invalid_format: true, invalid_value: true, unknown_field: true, not_found: true, taken: true, cycle: true, weak_password: true, missing_placeholder: true, unknown_placeholder: true, invalid_template: true,
  unsupported_image: true, file_too_large: true, image_too_large: true,
  control_character: true, image_too_many_pixels: true, template_too_slow: true, unknown_country: true, too_few: true, too_many: true,
  other_customer_project: true, internal_not_allowed: true, link_names_person: true,
  contact_of_other_customer: true, project_archived: true, task_archived: true,
  // issue 13: the connect screen
  wrong_password: true, access_refused: true, database_missing: true, host_unknown: true, host_unreachable: true, tls_unsupported: true,
  certificate_rejected: true, connection_failed: true, file_unreadable: true, not_a_certificate: true, schema_too_new: true,
};

describe('translations', () => {
  it('have the same keys, all non-empty, in English, Dutch and German', () => {
    const english = keysOf(resources.en.translation).sort();
    for (const language of UI_LANGUAGES) {
      const translation = resources[language].translation;
      expect(keysOf(translation).sort(), language).toEqual(english);
      for (const key of english) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], translation);
        expect(typeof text === 'string' && text.trim().length > 0, `${language}: ${key}`).toBe(true);
      }
    }
  });

  it('name every error code and field error code in every language, without falling back to English', () => {
    for (const language of UI_LANGUAGES) {
      const i18n = createI18n(language);
      const english = createI18n('en');
      for (const code of ERROR_CODES) {
        const text = errorMessage(i18n.t, new AppError(code, 'core text that must never be shown', { params: { seconds: 5 } }));
        expect(text, `${language} ${code}`).not.toContain('core text');
        expect(text).not.toMatch(/^errors\./);
        if (language !== 'en') expect(text, `${language} ${code}`).not.toBe(errorMessage(english.t, new AppError(code, 'x', { params: { seconds: 5 } })));
      }
      for (const code of Object.keys(FIELD_CODES) as FieldErrorCode[]) {
        expect(fieldErrorMessage(i18n.t, { code, min: 10, max: 40 })).not.toMatch(/^fieldErrors\./);
      }
    }
  });

  it('fill in limits and counts', () => {
    const { t } = createI18n('en');
    expect(fieldErrorMessage(t, { code: 'too_short', min: 10 })).toBe('Use at least 10 characters.');
    expect(fieldErrorMessage(t, { code: 'too_long', max: 200 })).toBe('Use at most 200 characters.');
    expect(errorMessage(t, new AppError('RATE_LIMITED', 'x', { params: { seconds: 1 } }))).toContain('wait 1 second ');
    expect(errorMessage(t, new AppError('RATE_LIMITED', 'x', { params: { seconds: 30 } }))).toContain('wait 30 seconds');
    const nl = createI18n('nl');
    expect(fieldErrorMessage(nl.t, { code: 'too_long', max: 40 })).toBe('Gebruik maximaal 40 tekens.');
  });

  it('explain transport failures instead of showing a raw error', () => {
    const { t } = createI18n('en');
    expect(errorMessage(t, new AppError('FORBIDDEN', 'x', { params: { transport: 'key' } }))).toContain('#key=');
    expect(errorMessage(t, new AppError('INTERNAL', 'x', { params: { transport: 'network' } }))).toContain('cannot be reached');
    expect(errorMessage(t, new Error('boom'))).toBe('Something went wrong inside Portier. Nothing was saved.');
  });
});
