import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, startTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  await t.close();
});

describe('an organisation’s country', () => {
  it('is an assigned ISO 3166-1 alpha-2 code in any case, stored upper-case, or none', async () => {
    expect((await t.call('organisations:create', { name: 'Brouwerij De Ster', country: 'nl' })).country).toBe('NL');
    expect((await t.call('organisations:create', { name: 'Zonder land', country: '' })).country).toBeNull();
  });

  it('refuses what is no country, and never cuts a name to two letters', async () => {
    for (const country of ['XX', 'UK', 'EU', 'Nederland', 'N']) {
      const error = await errorOf(t.call('organisations:create', { name: `Org ${country}`, country }));
      expect(error.fields?.country, country).toEqual({ code: 'unknown_country' });
    }
  });
});

describe('lists that need a choice', () => {
  it('say "choose at least one", not a number’s minimum, for role groups and links', async () => {
    const org = await t.call('organisations:create', { name: 'Brouwerij De Ster' });
    const error = await errorOf(t.call('portal-accounts:create', { username: 'anna@example.com', links: [], roleGroupIds: [] }));
    expect(error.fields?.roleGroupIds).toEqual({ code: 'too_few', min: 1 });
    expect(error.fields?.links).toEqual({ code: 'too_few', min: 1 });
    const groups = await t.call('role-groups:list', {});
    const fine = await t.call('portal-accounts:create', { username: 'anna@example.com', links: [{ organisationId: org.id, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] });
    expect(fine.id).toBeGreaterThan(0);
  });
});

describe('a template syntax error', () => {
  it('names the line and what is wrong there, in the field error', async () => {
    const draft = { type: 'welcome' as const, language: 'en' as const, subject: 'Welcome' };
    const tag = await errorOf(t.call('mail-templates:preview', { ...draft, html: '<p>Dear {{ name }},</p>\n<p>welcome.</p>\n{% iff name %}x{% endif %}' }));
    expect(tag.fields?.html).toEqual({ code: 'invalid_template', problem: 'unknown_tag', name: 'iff', line: 3, column: 1 });
    const filter = await errorOf(t.call('mail-templates:update', { ...draft, html: '<p>\n\n{{ name | shout }}</p>' }));
    expect(filter.fields?.html).toMatchObject({ code: 'invalid_template', problem: 'unknown_filter', name: 'shout', line: 3 });
    const open = await errorOf(t.call('mail-templates:update', { ...draft, html: '<p>a</p>\n{% if name %}b' }));
    expect(open.fields?.html).toMatchObject({ code: 'invalid_template', problem: 'not_closed', name: '{% if name %}', line: 2 });
  });
});
