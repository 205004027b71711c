import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { activationLettersPdf } from '../../electron/core/letters/letter-pdf';
import { checkLogoImage } from '../../electron/core/letters/logo-image';
import { jpegHeader, jpegImage, pngFrom, pngImage } from '../support/images';

const unsupported = { error: { code: 'unsupported_image' } };

describe('the letterhead logo check', () => {
  it('reads format and size from PNG and JPEG headers, whatever the file is called', () => {
    expect(checkLogoImage(pngImage(240, 80))).toEqual({ mimeType: 'image/png', width: 240, height: 80 });
    expect(checkLogoImage(pngImage(30, 20, [0, 0, 0], true))).toEqual({ mimeType: 'image/png', width: 30, height: 20 });
    expect(checkLogoImage(jpegImage(640, 200))).toEqual({ mimeType: 'image/jpeg', width: 640, height: 200 });
    expect(checkLogoImage(jpegImage(64, 20, 0xc2))).toEqual({ mimeType: 'image/jpeg', width: 64, height: 20 });
  });

  it('takes an interlaced PNG when its seven passes are all there', () => {
    // 2 x 2 grey, 8 bits, Adam7: passes 1, 6 and 7 hold pixels (1, 1 and 2 of them), one row each.
    const scanlines = Buffer.from([0, 10, 0, 20, 0, 30, 40]);
    expect(checkLogoImage(pngFrom({ width: 2, height: 2, colour: 0, interlace: 1, scanlines }))).toEqual({ mimeType: 'image/png', width: 2, height: 2 });
    expect(checkLogoImage(pngFrom({ width: 2, height: 2, colour: 0, interlace: 1, scanlines: scanlines.subarray(0, 5) }))).toEqual(unsupported);
  });

  it('refuses PNGs pdfkit would choke on: a palette without PLTE, a bad row filter, a decompression bomb, an impossible depth', () => {
    expect(checkLogoImage(pngFrom({ width: 2, height: 1, depth: 8, colour: 3, scanlines: Buffer.from([0, 0, 0]) }))).toEqual(unsupported);
    expect(checkLogoImage(pngFrom({ width: 2, height: 1, depth: 8, colour: 3, scanlines: Buffer.from([0, 0, 0]), chunks: [['PLTE', Buffer.from([255, 0, 0])]] }))).toMatchObject({ width: 2 });
    expect(checkLogoImage(pngFrom({ width: 1, height: 2, colour: 0, scanlines: Buffer.from([0, 1, 9, 1]) }))).toEqual(unsupported);
    expect(checkLogoImage(pngFrom({ width: 10, height: 10, colour: 0, scanlines: Buffer.alloc(20_000_000) }))).toEqual(unsupported);
    expect(checkLogoImage(pngFrom({ width: 1, height: 1, depth: 4, colour: 2, scanlines: Buffer.from([0, 0]) }))).toEqual(unsupported);
  });

  it('refuses JPEGs PDF readers cannot show: arithmetic coding, 12-bit samples, no frame header', () => {
    expect(checkLogoImage(jpegHeader(10, 10, 0xc9))).toEqual(unsupported);
    expect(checkLogoImage(jpegHeader(10, 10, 0xc0, 12))).toEqual(unsupported);
    expect(checkLogoImage(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toEqual(unsupported);
  });

  it('refuses images over 4 megapixels, even with both sides within 2,500 pixels', () => {
    const tooMany = { error: { code: 'image_too_many_pixels', max: 4 } };
    expect(checkLogoImage(pngImage(2000, 2001))).toEqual(tooMany);
    expect(checkLogoImage(jpegImage(2500, 1601))).toEqual(tooMany);
    expect(checkLogoImage(pngImage(2000, 2000))).toEqual({ mimeType: 'image/png', width: 2000, height: 2000 });
    expect(checkLogoImage(jpegImage(2500, 1600))).toEqual({ mimeType: 'image/jpeg', width: 2500, height: 1600 });
  });

  it('refuses a PNG with a sound header but image data that does not inflate', () => {
    const scanlines = Buffer.from([0, 1, 2, 3, 0, 4, 5, 6]);
    const sound = zlib.deflateSync(scanlines);
    // Checksums right (the chunk's CRC is computed over the damage), so only inflating finds it.
    const garbled = Buffer.from(sound);
    garbled.fill(0xa5, 2, garbled.length - 4);
    expect(checkLogoImage(pngFrom({ width: 1, height: 2, scanlines, idat: sound }))).toMatchObject({ width: 1, height: 2 });
    expect(checkLogoImage(pngFrom({ width: 1, height: 2, scanlines, idat: garbled }))).toEqual(unsupported);
    expect(checkLogoImage(pngFrom({ width: 1, height: 2, scanlines, idat: sound.subarray(0, sound.length - 6) }))).toEqual(unsupported);
  });

  it('refuses a JPEG without image data: a header alone, no scan, a scan without data, or cut short before its end marker', () => {
    const jpeg = jpegImage(64, 20);
    const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
    expect(checkLogoImage(jpegHeader(640, 200))).toEqual(unsupported);
    expect(checkLogoImage(Buffer.concat([jpeg.subarray(0, sos), Buffer.from([0xff, 0xd9])]))).toEqual(unsupported);
    expect(checkLogoImage(Buffer.concat([jpeg.subarray(0, sos + 10), Buffer.from([0xff, 0xd9])]))).toEqual(unsupported);
    expect(checkLogoImage(jpeg.subarray(0, jpeg.length - 2))).toEqual(unsupported);
    expect(checkLogoImage(jpeg.subarray(0, sos + 12))).toEqual(unsupported);
  });

  it('lets pdfkit draw a PNG with alpha (split into image and soft mask) without failing', async () => {
    const letter = { language: 'en' as const, recipient: ['A'], postalCode: '1', salutationName: 'A', subject: 'Activation details', paragraphs: ['Dear A,'], username: 'a@example.com', code: 'ACDF-GHJK-MN7P', activationPage: 'https://portal.example.com/activate', expiresAt: '2026-12-06T10:00:00.000Z', date: new Date('2026-11-22T10:00:00.000Z') };
    const logo = { mimeType: 'image/png' as const, width: 30, height: 20, data: pngImage(30, 20, [0, 0, 0], true) };
    const pdf = await activationLettersPdf([letter, letter], { companyName: 'Portier', addressLines: [], logo }, path.resolve('resources/fonts'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // One soft mask for the QR code and one for the logo, each embedded once for both letters.
    expect(pdf.toString('latin1').match(/\/SMask/g)).toHaveLength(2);
  });
});
