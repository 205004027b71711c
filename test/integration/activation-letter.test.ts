import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { activationLettersPdf } from '../../electron/core/letters/letter-pdf';
import type { ActivationLetter } from '../../electron/core/letters/letter-data';
import { renderLetterText } from '../../electron/core/templates/render-mail';
import { tempDataDir } from '../support/core';

const temp = tempDataDir('portier-letters-');
afterAll(() => temp.remove());

const letter = (overrides: Partial<ActivationLetter> = {}): ActivationLetter => ({
  // The shipped letter template's text for this language and name.
  ...renderLetterText(overrides.language ?? 'de', { username: 'j.groesse@example.de', name: 'Jürgen Größe', organisation: 'Bäckerei Müller GmbH', portalUrl: 'https://portal.example.com/', companyName: 'Portier Demo BV' }),
  language: 'de',
  recipient: ['Jürgen Größe', 'Bäckerei Müller GmbH', 'Hohe Straße 1', '50667 Köln'],
  postalCode: '50667',
  salutationName: 'Jürgen Größe',
  username: 'j.groesse@example.de',
  code: 'ACDF-GHJK-MN7P',
  activationPage: 'https://portal.example.com/activate',
  expiresAt: '2026-12-06T10:00:00.000Z',
  date: new Date('2026-11-22T10:00:00.000Z'),
  ...overrides,
});

/** The PDF's text as poppler's pdftotext reads it (Debian's poppler-utils, installed by .ci/run). */
function pdfText(pdf: Buffer): string {
  const file = path.join(temp.dir, `letter-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('activation letters', () => {
  it('print the code, the accented name, the expiry and the activation page, in the account’s language', async () => {
    const pdf = await activationLettersPdf([letter()], { companyName: 'Portier Demo BV', addressLines: ['Stationsplein 1', '3511 AA Utrecht'] }, path.resolve('resources/fonts'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text.replace(/\s+/g, '')).toContain('ACDF-GHJK-MN7P');
    expect(text).toContain('Jürgen Größe');
    expect(text).toContain('Bäckerei Müller GmbH');
    expect(text).toContain('Aktivierungsdaten für unser Kundenportal');
    expect(text).toContain('6. Dezember 2026');
    expect(text).toContain('https://portal.example.com/activate');
  });

  it('cut a long return line above the address window short with an ellipsis instead of running into the address', async () => {
    const head = { companyName: 'Internationale Handelsvereniging voor Bouwmaterialen en Installatietechniek Noord-Nederland BV', addressLines: ['Lange Voorhout 123 bis', '2514 EA Den Haag'] };
    const lines = pdfText(await activationLettersPdf([letter()], head, path.resolve('resources/fonts'))).split('\n');
    const returnLine = lines.findIndex((l) => l.includes('…'));
    expect(returnLine).toBeGreaterThan(0);
    expect(lines[returnLine]?.trim()).toMatch(/^Internationale Handelsvereniging .*…$/);
    expect(lines.slice(returnLine + 1, returnLine + 4).join(' ')).not.toContain('Den Haag');
    expect(lines.slice(returnLine + 1).join('\n')).toContain('Jürgen Größe');
  });

  it('put many letters into one PDF, one page each, reporting progress', async () => {
    const progress: number[] = [];
    const letters = ['en', 'nl', 'de'].map((language, i) => letter({ language: language as ActivationLetter['language'], code: `ACDF-GHJK-MN${i}P`, recipient: [`Person ${i}`] }));
    const pdf = await activationLettersPdf(letters, { companyName: 'Portier Demo BV', addressLines: [] }, path.resolve('resources/fonts'), (n) => progress.push(n));
    expect(progress).toEqual([1, 2, 3]);
    const pages = pdfText(pdf).split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Activation details for our customer portal');
    expect(pages[1]).toContain('Activatiegegevens voor ons klantenportaal');
    expect(pages[2]?.replace(/\s+/g, '')).toContain('ACDF-GHJK-MN2P');
  });
});
