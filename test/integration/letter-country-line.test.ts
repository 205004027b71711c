import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UiLanguage } from '../../shared/api/common';
import { startTestCore, tempDataDir, type TestCore } from '../support/core';

let t: TestCore;
const files = tempDataDir('portier-country-line-');
afterAll(() => files.remove());

beforeEach(async () => {
  t = await startTestCore({ clock: () => new Date('2026-11-01T10:00:00.000Z') });
});
afterEach(async () => {
  await t.close();
});

/** The company posting the letters: its country and (as the application's default) its language. */
async function company(country: string, language: UiLanguage) {
  await t.call('settings:update', { defaultLanguage: language });
  await t.call('activation-settings:update', { activationDays: 14, setPasswordHours: 24, companyName: 'Portier Demo', companyAddress: 'Stationsplein 1', companyCountry: country, portalUrl: 'https://portal.example.com/' });
}

/** The address block of the letter to an organisation in `country`, read back from the PDF with pdftotext. */
async function letterTo(country: string, city: string, accountLanguage: UiLanguage): Promise<string[]> {
  const org = await t.call('organisations:create', { name: `Kunde ${country}`, addressLine1: 'Hauptstraße 5', postalCode: '10115', city, country });
  const groups = await t.call('role-groups:list', {});
  const username = `kunde-${country.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const account = await t.call('portal-accounts:create', { username, language: accountLanguage, links: [{ organisationId: org.id, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] });
  await t.call('portal-accounts:send-activation', { ids: [account.id] });
  const doc = (await t.call('documents:list', { accountId: account.id })).rows[0]?.id ?? 0;
  const file = path.join(files.dir, `${username}.pdf`);
  fs.writeFileSync(file, Buffer.from((await t.call('documents:open', { id: doc })).base64, 'base64'));
  const lines = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\n').map((l) => l.trim());
  // The address block: from the organisation's name to the first empty line after the city.
  const start = lines.indexOf(`Kunde ${country}`);
  const end = lines.indexOf('', start);
  return lines.slice(start, end);
}

describe('the country line of a letter (DIN 5008)', () => {
  it('names a German address "DUITSLAND" in capitals in the Dutch sender’s language, even in a German letter', async () => {
    await company('NL', 'nl');
    expect(await letterTo('DE', 'Berlin', 'de')).toEqual(['Kunde DE', 'Hauptstraße 5', '10115 Berlin', 'DUITSLAND']);
  });

  it('is left out for an address in the sender’s own country', async () => {
    await company('NL', 'nl');
    expect(await letterTo('NL', 'Utrecht', 'nl')).toEqual(['Kunde NL', 'Hauptstraße 5', '10115 Utrecht']);
  });

  it('follows the sender: a German company writes "NIEDERLANDE", and nothing for Germany', async () => {
    await company('de', 'de');
    expect(await letterTo('NL', 'Utrecht', 'nl')).toEqual(['Kunde NL', 'Hauptstraße 5', '10115 Utrecht', 'NIEDERLANDE']);
    expect(await letterTo('DE', 'Berlin', 'de')).toEqual(['Kunde DE', 'Hauptstraße 5', '10115 Berlin']);
  });

  it('keeps the company country as a setting, NL when never set', async () => {
    expect((await t.call('activation-settings:get', {})).companyCountry).toBe('NL');
    await company('be', 'nl');
    expect((await t.call('activation-settings:get', {})).companyCountry).toBe('BE');
  });
});
