import { afterEach, describe, expect, it } from 'vitest';
import { writeSetting } from '../../electron/core/settings/setting-repository';
import { DEFAULT_ACTIVATION_SETTINGS, PLACEHOLDER_PORTAL_URL } from '../../shared/api/activation-settings';
import { databaseFingerprint, errorOf, startTestCore, type TestCore } from '../support/core';

let t: TestCore;
afterEach(async () => {
  await t.close();
});

const clock = () => new Date('2026-12-04T13:30:00.000Z');
const settings = { activationDays: 14, setPasswordHours: 24, companyName: 'Portier Demo BV', companyAddress: '', portalUrl: 'https://portal.example.com/' };

async function withAccount(language: 'en' | 'nl' | 'de' = 'nl'): Promise<number> {
  const org = await t.call('organisations:create', { name: 'Brouwerij De Ster' });
  const groups = await t.call('role-groups:list', {});
  return (await t.call('portal-accounts:create', { username: 'anna@example.com', language, links: [{ organisationId: org.id, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] })).id;
}

describe('the portal address', () => {
  it('is not set on a new database, and while it is not, activations and set-password links are refused, changing nothing', async () => {
    t = await startTestCore({ clock, portalUrl: '' });
    expect((await t.call('activation-settings:get', {})).portalUrl).toBe('');
    const id = await withAccount();
    const before = await databaseFingerprint(t.core);
    const activation = await errorOf(t.call('portal-accounts:send-activation', { ids: [id] }));
    expect(activation.code).toBe('PORTAL_ADDRESS_UNSET');
    expect(activation.message).toContain('npm run portier -- settings portal --url URL');
    expect((await errorOf(t.call('portal-accounts:send-set-password-link', { id }))).code).toBe('PORTAL_ADDRESS_UNSET');
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('counts the placeholder earlier versions stored with the other settings as not set', async () => {
    t = await startTestCore({ clock, portalUrl: '' });
    await writeSetting(t.core.deps.db, 'activation', { ...DEFAULT_ACTIVATION_SETTINGS, companyName: 'Brouwerij BV', portalUrl: PLACEHOLDER_PORTAL_URL });
    const read = await t.call('activation-settings:get', {});
    expect(read).toMatchObject({ companyName: 'Brouwerij BV', portalUrl: '' });
    const id = await withAccount();
    expect((await errorOf(t.call('portal-accounts:send-activation', { ids: [id] }))).code).toBe('PORTAL_ADDRESS_UNSET');
  });

  it('must be an http(s) address without query or fragment', async () => {
    t = await startTestCore({ clock });
    for (const portalUrl of ['https://portal.example.com/?x=1', 'https://portal.example.com/#top', 'ftp://portal.example.com/', 'portal.example.com']) {
      const error = await errorOf(t.call('activation-settings:update', { ...settings, portalUrl }));
      expect(error.code, portalUrl).toBe('VALIDATION');
      expect(error.fields?.portalUrl?.code, portalUrl).toBe('invalid_format');
    }
  });
});

describe('expiry times in mails', () => {
  it('are stated in the company’s time zone, worded for the recipient’s language, with the zone named', async () => {
    t = await startTestCore({ clock });
    await t.call('activation-settings:update', { ...settings, timeZone: 'Europe/Amsterdam' });
    const id = await withAccount('nl');
    const [sent] = await t.call('portal-accounts:send-activation', { ids: [id] });
    expect(sent?.expiresAt).toBe('2026-12-18T13:30:00.000Z');
    const mail = await t.core.deps.db.selectFrom('outbox_mail').selectAll().executeTakeFirstOrThrow();
    expect(mail.text.replace(/\s+/g, ' ')).toContain('18 december 2026 om 14:30 (Midden-Europese standaardtijd)');
    expect(mail.text).not.toContain('UTC');
  });

  it('follow the system’s zone until one is chosen, and refuse a zone that does not exist', async () => {
    t = await startTestCore({ clock });
    expect((await t.call('activation-settings:get', {})).timeZone).toBeUndefined();
    const error = await errorOf(t.call('activation-settings:update', { ...settings, timeZone: 'Europe/Atlantis' }));
    expect(error.fields?.timeZone?.code).toBe('invalid_value');
    const saved = await t.call('activation-settings:update', { ...settings, timeZone: 'America/New_York' });
    expect(saved.timeZone).toBe('America/New_York');
  });
});
