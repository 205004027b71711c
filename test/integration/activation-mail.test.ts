import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_MARKER } from '../../electron/core/outbox/outbox-port';
import { startTestCore, type TestCore } from '../support/core';

let t: TestCore;
let accountId: number;

beforeEach(async () => {
  t = await startTestCore({ clock: () => new Date('2026-11-01T10:00:00.000Z') });
  const org = await t.call('organisations:create', { name: 'Bäckerei Müller GmbH' });
  const person = await t.call('persons:create', { organisationId: org.id, firstName: 'Jürgen', lastName: 'Größe', email: 'j.groesse@example.de', language: 'de' });
  const groups = await t.call('role-groups:list', {});
  accountId = (await t.call('portal-accounts:create', { username: 'j.groesse@example.de', links: [{ organisationId: org.id, personId: person.id, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] })).id;
  await t.call('activation-settings:update', { activationDays: 14, setPasswordHours: 24, companyName: 'Portier Demo BV', companyAddress: 'Stationsplein 1\n3511 AA Utrecht', portalUrl: 'https://portal.example.com', timeZone: 'Europe/Berlin' });
});
afterEach(async () => {
  await t.close();
});

const outbox = () => t.core.deps.db.selectFrom('outbox_mail').selectAll().orderBy('id').execute();

describe('activation mails', () => {
  it('are previewed first: address, language, and who is skipped and why, changing nothing', async () => {
    const preview = await t.call('portal-accounts:preview-activation', { ids: [accountId, 999_999] });
    expect(preview).toEqual([
      { accountId, username: 'j.groesse@example.de', language: 'de', outcome: 'sent' },
      { accountId: 999_999, username: '', language: 'en', outcome: 'skipped_missing' },
    ]);
    expect(await outbox()).toEqual([]);
  });

  it('queue the activation mail in the person’s language with the link, the expiry and the token only encrypted', async () => {
    const report = await t.call('portal-accounts:send-activation', { ids: [accountId] });
    expect(report).toEqual([{ accountId, outcome: 'sent', expiresAt: '2026-11-15T10:00:00.000Z' }]);
    const [mail] = await outbox();
    expect(mail).toMatchObject({ kind: 'activation', to_address: 'j.groesse@example.de', status: 'queued', account_id: accountId });
    expect(mail?.subject).toBe('Ihr Zugang zum Kundenportal von Portier Demo BV');
    expect(mail?.html).toContain(`https://portal.example.com/activate?token=${SECRET_MARKER}`);
    expect(mail?.html).toContain('Jürgen Größe');
    expect(mail?.text.replace(/\s+/g, ' ')).toContain('15. November 2026 um 11:00 (Mitteleuropäische Normalzeit)');
    expect(mail?.secret_enc).toMatch(/^v\d+:/);
    expect(mail?.secret_expires_at).toBe('2026-11-15T10:00:00.000Z');
    expect((await t.call('portal-accounts:get', { id: accountId })).status).toBe('invited');
  });

  it('use the administrator’s edited template', async () => {
    await t.call('mail-templates:update', { type: 'activation', language: 'de', subject: 'Willkommen, {{ name }}', html: '<p>Bitte hier: {{ link }} (bis {{ expires_at }})</p>' });
    await t.call('portal-accounts:send-activation', { ids: [accountId] });
    const [mail] = await outbox();
    expect(mail?.subject).toBe('Willkommen, Jürgen Größe');
    expect(mail?.html).toContain(`Bitte hier: https://portal.example.com/activate?token=${SECRET_MARKER}`);
  });

  it('queue a set-password link and, when staff type a password, a "password changed" mail without the password', async () => {
    expect(await t.call('portal-accounts:send-set-password-link', { id: accountId })).toEqual({ expiresAt: '2026-11-02T10:00:00.000Z' });
    await t.call('portal-accounts:set-password', { id: accountId, password: 'Lantern-Orbit-42' });
    const mails = await outbox();
    expect(mails.map((m) => m.kind)).toEqual(['set-password', 'password-changed']);
    expect(mails[0]?.html).toContain(`https://portal.example.com/set-password?token=${SECRET_MARKER}`);
    expect(mails[1]?.secret_enc).toBeNull();
    expect(JSON.stringify(mails[1])).not.toContain('Lantern');
    expect((await t.call('portal-accounts:get', { id: accountId })).status).toBe('active');
  });
});
