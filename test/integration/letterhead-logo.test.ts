import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GIF_1X1, jpegHeader, jpegImage, pngImage } from '../support/images';
import { databaseFingerprint, errorOf, signedIn, startTestCore, tempDataDir, type TestCore } from '../support/core';

let t: TestCore;
const files = tempDataDir('portier-logo-');
afterAll(() => files.remove());

beforeEach(async () => {
  t = await startTestCore({ clock: () => new Date('2026-11-01T10:00:00.000Z') });
  await t.call('activation-settings:update', { activationDays: 14, setPasswordHours: 24, companyName: 'Portier Demo BV', companyAddress: 'Stationsplein 1\n3511 AA Utrecht', portalUrl: 'https://portal.example.com/' });
});
afterEach(async () => {
  await t.close();
});

const LOGO = pngImage(240, 80);

async function letters(count: number): Promise<number[]> {
  const org = await t.call('organisations:create', { name: 'Bäckerei Müller GmbH', postalCode: '50667', city: 'Köln', addressLine1: 'Hohe Straße 1', country: 'DE', language: 'de' });
  const group = (await t.call('role-groups:list', {}))[0]?.id ?? 0;
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const person = await t.call('persons:create', { organisationId: org.id, firstName: 'Jürgen', lastName: `Größe ${i}`, email: `j${i}@example.de` });
    const account = await t.call('portal-accounts:create', { username: `j${i}@example.de`, language: 'de', links: [{ organisationId: org.id, personId: person.id, isDefault: true }], roleGroupIds: [group] });
    ids.push(account.id);
  }
  await t.call('portal-accounts:send-activation', { ids });
  return (await t.call('documents:list', {})).rows.map((d) => d.id);
}

function saved(base64: string, extension: string): string {
  const file = path.join(files.dir, `${Math.random().toString(36).slice(2)}.${extension}`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

/** `pdfimages -list` as rows: one per image drawn on a page, with the PDF object it draws. */
function imagesIn(base64: string): { page: number; width: number; height: number; object: number }[] {
  const out = execFileSync('pdfimages', ['-list', saved(base64, 'pdf')], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(/\s+/))
    .map((c) => ({ page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), object: Number(c[10]) }));
}

const logoSet = () => t.call('activation-settings:set-logo', { mimeType: 'image/png', dataBase64: LOGO.toString('base64') });

describe('the letterhead logo', () => {
  it('is set by an administrator, shown in the settings, audited, and drawn on the letter as one more image', async () => {
    const [doc = 0] = await letters(1);
    const without = imagesIn((await t.call('documents:open', { id: doc })).base64);
    expect((await t.call('activation-settings:get', {})).logo).toBeNull();

    const logo = await logoSet();
    expect(logo).toMatchObject({ mimeType: 'image/png', width: 240, height: 80, bytes: LOGO.length });
    const settings = await t.call('activation-settings:get', {});
    expect(settings.logo?.dataUrl).toBe(`data:image/png;base64,${LOGO.toString('base64')}`);
    expect(settings.companyName).toBe('Portier Demo BV');
    const audit = await t.call('audit:list', { entity: 'settings', limit: 1 });
    expect(audit.rows[0]).toMatchObject({ action: 'updated', before: { letterheadLogo: null }, after: { letterheadLogo: { mimeType: 'image/png', width: 240, height: 80 } } });

    const withLogo = imagesIn((await t.call('documents:open', { id: doc })).base64);
    expect(withLogo).toHaveLength(without.length + 1);
    expect(withLogo.filter((i) => i.width === 240 && i.height === 80)).toHaveLength(1);
  });

  it('is embedded once in a bulk PDF, however many letters it holds, and the letters still read as before', async () => {
    const docs = await letters(3);
    await logoSet();
    const pdf = (await t.call('documents:letters-pdf', { ids: docs })).base64;
    const logos = imagesIn(pdf).filter((i) => i.width === 240 && i.height === 80);
    expect(logos.map((i) => i.page)).toEqual([1, 2, 3]);
    expect(new Set(logos.map((i) => i.object)).size).toBe(1);
    const text = execFileSync('pdftotext', ['-layout', saved(pdf, 'pdf'), '-'], { encoding: 'utf8' });
    expect(text.split('\f').filter((p) => p.trim())).toHaveLength(3);
    expect(text).toContain('Stationsplein 1 · 3511 AA Utrecht');
    expect(text).toContain('Jürgen Größe 2');
  });

  it('goes into the Word document as a picture of its own', async () => {
    const [doc = 0] = await letters(1);
    await logoSet();
    const docx = saved((await t.call('documents:open', { id: doc, format: 'docx' })).base64, 'docx');
    const media = execFileSync('unzip', ['-Z1', docx], { encoding: 'utf8' })
      .split('\n')
      .filter((name) => name.startsWith('word/media/'));
    const pictures = media.map((name) => execFileSync('unzip', ['-p', docx, name]));
    expect(pictures.some((bytes) => bytes.equals(LOGO))).toBe(true);
    expect(execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' })).toContain('<wp:anchor');
  });

  it('takes a JPEG, known by its bytes', async () => {
    const jpeg = jpegImage(300, 100);
    expect(await t.call('activation-settings:set-logo', { mimeType: 'image/jpeg', dataBase64: jpeg.toString('base64') })).toMatchObject({ mimeType: 'image/jpeg', width: 300, height: 100 });
    const [doc = 0] = await letters(1);
    expect(imagesIn((await t.call('documents:open', { id: doc })).base64).filter((i) => i.width === 300 && i.height === 100)).toHaveLength(1);
  });

  it('refuses a GIF, a file over 512 KB, a damaged or huge PNG and a mislabelled file, changing nothing', async () => {
    await logoSet();
    const before = await databaseFingerprint(t.core);
    const refused = async (mimeType: 'image/png' | 'image/jpeg', bytes: Buffer) => {
      const error = await errorOf(t.call('activation-settings:set-logo', { mimeType, dataBase64: bytes.toString('base64') }));
      expect(error.code).toBe('VALIDATION');
      return error.fields;
    };
    expect(await refused('image/png', GIF_1X1)).toEqual({ dataBase64: { code: 'unsupported_image' } });
    const big = Buffer.concat([LOGO, Buffer.alloc(600 * 1024 - LOGO.length, 7)]);
    expect(await refused('image/png', big)).toEqual({ dataBase64: { code: 'file_too_large', max: 512 } });
    const damaged = Buffer.from(LOGO);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 20) ^ 0xff, damaged.length - 20);
    expect(await refused('image/png', damaged)).toEqual({ dataBase64: { code: 'unsupported_image' } });
    expect(await refused('image/png', LOGO.subarray(0, 60))).toEqual({ dataBase64: { code: 'unsupported_image' } });
    expect(await refused('image/png', pngImage(3000, 2))).toEqual({ dataBase64: { code: 'image_too_large', max: 2500 } });
    expect(await refused('image/png', pngImage(2000, 2001))).toEqual({ dataBase64: { code: 'image_too_many_pixels', max: 4 } });
    expect(await refused('image/jpeg', jpegImage(2500, 1601))).toEqual({ dataBase64: { code: 'image_too_many_pixels', max: 4 } });
    expect(await refused('image/jpeg', jpegHeader(300, 100))).toEqual({ dataBase64: { code: 'unsupported_image' } });
    expect(await refused('image/jpeg', LOGO)).toEqual({ mimeType: { code: 'invalid_value' } });
    const gif = await errorOf(t.call('activation-settings:set-logo', { mimeType: 'image/gif' as 'image/png', dataBase64: GIF_1X1.toString('base64') }));
    expect(gif.fields).toHaveProperty('mimeType');
    expect(await databaseFingerprint(t.core)).toBe(before);
    expect((await t.call('activation-settings:get', {})).logo).toMatchObject({ width: 240, height: 80 });
  });

  it('is set and removed by administrators only', async () => {
    await t.call('staff:create', { name: 'Plain', email: 'plain@example.com', password: 'Quiet-Harbour-72', role: 'staff', mayGrantAccess: true });
    const plain = await signedIn(t.core, 'plain@example.com', 'Quiet-Harbour-72');
    const before = await databaseFingerprint(t.core);
    expect((await errorOf(t.call('activation-settings:set-logo', { mimeType: 'image/png', dataBase64: LOGO.toString('base64') }, plain))).code).toBe('FORBIDDEN');
    await logoSet();
    const withLogo = await databaseFingerprint(t.core);
    expect(withLogo).not.toBe(before);
    expect((await errorOf(t.call('activation-settings:remove-logo', {}, plain))).code).toBe('FORBIDDEN');
    expect(await databaseFingerprint(t.core)).toBe(withLogo);
    expect((await t.call('activation-settings:get', {}, plain)).logo).toMatchObject({ mimeType: 'image/png' });
  });

  it('is removed (audited), and letters are as they were without it', async () => {
    const [doc = 0] = await letters(1);
    const without = imagesIn((await t.call('documents:open', { id: doc })).base64).length;
    await logoSet();
    expect(await t.call('activation-settings:remove-logo', {})).toBeNull();
    expect((await t.call('activation-settings:get', {})).logo).toBeNull();
    expect(imagesIn((await t.call('documents:open', { id: doc })).base64)).toHaveLength(without);
    const audit = await t.call('audit:list', { entity: 'settings', limit: 1 });
    expect(audit.rows[0]).toMatchObject({ action: 'updated', before: { letterheadLogo: { width: 240 } }, after: { letterheadLogo: null } });
    const entries = (await t.call('audit:list', { entity: 'settings', limit: 50 })).total;
    await t.call('activation-settings:remove-logo', {});
    expect((await t.call('audit:list', { entity: 'settings', limit: 50 })).total).toBe(entries);
  });
});
