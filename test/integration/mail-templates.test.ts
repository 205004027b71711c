import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMailTemplate } from '../../electron/core/templates/mail-template-repository';
import { DEFAULT_TEMPLATES } from '../../electron/core/templates/default-templates';
import { databaseFingerprint, errorOf, signedIn, startTestCore, type TestCore } from '../support/core';

let t: TestCore;

beforeEach(async () => {
  t = await startTestCore({ clock: () => new Date('2026-11-01T10:00:00.000Z') });
  await t.call('activation-settings:update', { activationDays: 14, setPasswordHours: 24, companyName: 'Portier Demo BV', companyAddress: 'Stationsplein 1\n3511 AA Utrecht', portalUrl: 'https://portal.example.com', timeZone: 'America/New_York' });
});
afterEach(async () => {
  await t.close();
});

const ACTIVATION_NL = {
  type: 'activation',
  language: 'nl',
  subject: 'Uw account bij {{ company_name }}',
  html: '<p>Beste {{ name }}, activeer via <a href="{{ link }}">deze link</a> vóór {{ expires_at }}.</p>',
} as const;

describe('mail templates through the contract', () => {
  it('lists every type in every language, with the placeholders each allows and requires', async () => {
    const list = await t.call('mail-templates:list', {});
    expect(list).toHaveLength(18);
    const activation = list.find((m) => m.type === 'activation' && m.language === 'de');
    expect(activation).toMatchObject({ customised: false, updatedAt: null, required: ['link', 'expires_at'], subject: DEFAULT_TEMPLATES.activation.de.subject });
    expect(list.find((m) => m.type === 'welcome')?.allowed).not.toContain('link');
  });

  it('lets administrators edit the ticket status mail (migration 0029), previewed with a sample ticket', async () => {
    const draft = { type: 'ticket-status', language: 'de', subject: '{{ ticket_number }}: {{ new_status }}', html: '<p>{{ ticket_number }} {{ ticket_title }}: {{ old_status }} → {{ new_status }} {{ link }}</p>' } as const;
    const preview = await t.call('mail-templates:preview', draft);
    expect(preview.subject).toBe('T-10234: Abgenommen');
    expect(preview.html).toContain('T-10234 Rechnungen werden nicht gedruckt: Erledigt → Abgenommen https://portal.example.com/tickets/10234');
    const saved = await t.call('mail-templates:update', draft);
    expect(saved).toMatchObject({ customised: true, required: ['ticket_number', 'new_status'] });
    const missing = await errorOf(t.call('mail-templates:update', { ...draft, html: '<p>{{ ticket_title }}</p>' }));
    expect(missing.fields).toEqual({ html: { code: 'missing_placeholder' } });
  });

  it('refuses an activation template without the link, naming it, and stores nothing', async () => {
    const before = await databaseFingerprint(t.core);
    const error = await errorOf(t.call('mail-templates:update', { ...ACTIVATION_NL, html: '<p>Geldig tot {{ expires_at }}</p>' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('{{ link }}');
    expect(error.fields).toEqual({ html: { code: 'missing_placeholder' } });
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('refuses unknown placeholders and broken syntax, in preview as in save', async () => {
    const unknown = await errorOf(t.call('mail-templates:preview', { ...ACTIVATION_NL, subject: 'Uw wachtwoord: {{ password }}' }));
    expect(unknown.fields).toEqual({ html: { code: 'unknown_placeholder' } });
    expect(unknown.message).toContain('{{ password }}');
    const broken = await errorOf(t.call('mail-templates:update', { ...ACTIVATION_NL, html: '<p>{% if name %}{{ link }} {{ expires_at }}</p>' }));
    expect(broken.fields?.html?.code).toBe('invalid_template');
    const encoded = await errorOf(t.call('mail-templates:update', { ...ACTIVATION_NL, html: '<p>{{ link | url_encode }} {{ expires_at }}</p>' }));
    expect(encoded.fields).toEqual({ html: { code: 'invalid_template' } });
    expect(encoded.message).toContain('{{ link }} without filters');
    const includes = await errorOf(t.call('mail-templates:preview', { ...ACTIVATION_NL, html: "{% include 'package.json' %} {{ link }} {{ expires_at }}" }));
    expect(includes.fields?.html?.code).toBe('invalid_template');
  });

  it('previews a draft with sample data in its language, escaping nothing it should keep', async () => {
    const preview = await t.call('mail-templates:preview', ACTIVATION_NL);
    expect(preview.subject).toBe('Uw account bij Portier Demo BV');
    expect(preview.html).toContain('href="https://portal.example.com/activate?token=sample-token"');
    expect(preview.html).toContain('15 november 2026');
    expect(preview.text).toContain('https://portal.example.com/activate?token=sample-token');
    expect(await t.call('mail-templates:list', {})).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'activation', language: 'nl', customised: false })]));
  });

  it('saves, is used by loadMailTemplate, is audited, and resets to the shipped text', async () => {
    const saved = await t.call('mail-templates:update', ACTIVATION_NL);
    expect(saved).toMatchObject({ ...ACTIVATION_NL, customised: true, updatedAt: '2026-11-01T10:00:00.000Z' });
    expect(await loadMailTemplate(t.core.deps.db, 'activation', 'nl')).toEqual({ subject: ACTIVATION_NL.subject, html: ACTIVATION_NL.html });
    expect(await loadMailTemplate(t.core.deps.db, 'activation', 'de')).toBe(DEFAULT_TEMPLATES.activation.de);

    const reset = await t.call('mail-templates:reset', { type: 'activation', language: 'nl' });
    expect(reset).toMatchObject({ customised: false, updatedAt: null, subject: DEFAULT_TEMPLATES.activation.nl.subject });
    expect(await loadMailTemplate(t.core.deps.db, 'activation', 'nl')).toBe(DEFAULT_TEMPLATES.activation.nl);

    const audit = await t.call('audit:list', { entity: 'mail-template' });
    expect(audit.rows.map((e) => e.action).sort()).toEqual(['reset', 'updated']);
    const updated = audit.rows.find((e) => e.action === 'updated');
    expect(updated?.before).toMatchObject({ type: 'activation', language: 'nl', customised: false, subject: DEFAULT_TEMPLATES.activation.nl.subject });
    expect(updated?.after).toMatchObject({ customised: true, html: ACTIVATION_NL.html });
    expect(updated?.staffId).not.toBeNull();
  });

  it('lets staff list and preview but only administrators save or reset', async () => {
    await t.call('staff:create', { name: 'Sam', email: 'sam@example.com', password: 'Quiet-Harbour-79', role: 'staff', mayGrantAccess: true });
    const staff = await signedIn(t.core, 'sam@example.com', 'Quiet-Harbour-79');
    expect(await t.call('mail-templates:list', {}, staff)).toHaveLength(18);
    expect((await t.call('mail-templates:preview', ACTIVATION_NL, staff)).subject).toContain('Portier Demo BV');
    expect((await errorOf(t.call('mail-templates:update', ACTIVATION_NL, staff))).code).toBe('FORBIDDEN');
    expect((await errorOf(t.call('mail-templates:reset', { type: 'activation', language: 'nl' }, staff))).code).toBe('FORBIDDEN');
  });

  it('0009 keeps one row per type and language and refuses types and languages that do not exist', async () => {
    const db = t.core.deps.db;
    const row = { type: 'welcome', language: 'en', subject: 's', html: 'h', updated_at: '2026-11-01T10:00:00.000Z', updated_by: null };
    await db.insertInto('mail_template').values(row).execute();
    await expect(db.insertInto('mail_template').values(row).execute()).rejects.toThrow(/UNIQUE|PRIMARY|duplicate key/);
    await expect(db.insertInto('mail_template').values({ ...row, type: 'newsletter' }).execute()).rejects.toThrow(/CHECK|check constraint/);
    await expect(db.insertInto('mail_template').values({ ...row, language: 'fr' }).execute()).rejects.toThrow(/CHECK|check constraint/);
  });

  it('keep the letter template free of the link: the letter and the mail are two separate factors', async () => {
    const error = await errorOf(t.call('mail-templates:update', { type: 'activation-letter', language: 'en', subject: 'Your access', html: '<p>Dear {{ name }}, open {{ link }}</p>' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('{{ link }}');
    expect(error.fields?.html?.code).toBe('unknown_placeholder');
    const preview = await t.call('mail-templates:preview', { type: 'activation-letter', language: 'en', subject: 'Your access to {{ company_name }}', html: '<p>Dear {{ name }},</p>\n<p>Valid until {{ expires_at }} & more.</p>' });
    expect(preview.subject).toBe('Your access to Portier Demo BV');
    expect(preview.text).toBe('Dear Alex Morgan,\n\nValid until November 15, 2026 at 5:00 AM (Eastern Standard Time) & more.');
    expect(preview.html).toContain('<p>Dear Alex Morgan,</p>');
    expect(preview.html).toContain('&#38; more');
  });
});
