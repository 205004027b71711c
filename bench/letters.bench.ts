/**
 * npm run bench (part 2): 10,000 activation letters into one PDF with the core's letter
 * writer, next to raw pdfkit writing the same text with the same fonts and the same QR
 * image, in the same run. Goal (issue 4): within 1.3x of raw pdfkit and at least 1,000
 * letters per second. Options: --letters 10000. Writes bench-results-letters.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { letterTexts, type ActivationLetter } from '../electron/core/letters/letter-data';
import { renderLetterText } from '../electron/core/templates/render-mail';
import { activationLettersPdf } from '../electron/core/letters/letter-pdf';

const FONTS = path.resolve('resources/fonts');
const HEAD = { companyName: 'Portier Demo BV', addressLines: ['Stationsplein 1', '3511 AA Utrecht'] };

function letters(n: number): ActivationLetter[] {
  const languages = ['en', 'nl', 'de'] as const;
  return Array.from({ length: n }, (_, i) => ({
    language: languages[i % 3] ?? 'en',
    recipient: [`Jürgen Größe ${i}`, 'Bäckerei Müller GmbH', 'Hohe Straße 1', `${10000 + (i % 89999)} Köln`],
    postalCode: String(10000 + (i % 89999)),
    salutationName: `Jürgen Größe ${i}`,
    ...renderLetterText(languages[i % 3] ?? 'en', { username: `klant${i}@example.de`, name: `Jürgen Größe ${i}`, organisation: 'Bäckerei Müller GmbH', portalUrl: 'https://portal.example.com/', companyName: HEAD.companyName }),
    username: `klant${i}@example.de`,
    code: 'ACDF-GHJK-MN7P',
    activationPage: 'https://portal.example.com/activate',
    expiresAt: '2026-12-06T10:00:00.000Z',
    date: new Date('2026-11-22T10:00:00.000Z'),
  }));
}

/** The same pages written straight with pdfkit: the yardstick. */
async function rawPdfkit(list: readonly ActivationLetter[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, margin: 0 });
  doc.registerFont('regular', path.join(FONTS, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(FONTS, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const qr = (doc as unknown as { openImage(src: Buffer): unknown }).openImage(await QRCode.toBuffer('https://portal.example.com/activate', { margin: 0, width: 240 }));
  const formats = new Map(['en', 'nl', 'de'].map((language) => [language, new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' })]));
  const date = (language: string, d: Date) => formats.get(language)?.format(d) ?? '';
  for (const l of list) {
    const t = letterTexts(l.language);
    doc.addPage();
    doc.font('bold').fontSize(14).text(HEAD.companyName, 71, 42, { width: 454 });
    doc.font('regular').fontSize(9).text(HEAD.addressLines.join(' · '), { width: 454 });
    doc.fontSize(7).text([HEAD.companyName, ...HEAD.addressLines].join(', '), 71, 163, { width: 227, lineBreak: false, ellipsis: true });
    doc.fontSize(10).text(l.recipient.join('\n'), 71, 178, { width: 227 });
    doc.text(date(l.language, l.date), 71, 279, { width: 454, align: 'right' });
    doc.font('bold').fontSize(12).text(l.subject, 71, 293, { width: 454 });
    doc.font('regular').fontSize(10);
    for (const p of l.paragraphs) doc.text(p, { width: 454 });
    doc.font('bold').text(t.codeLabel).fontSize(24).text(l.code, { characterSpacing: 6 });
    doc.font('regular').fontSize(10).text(`${l.username} · ${t.validUntil(date(l.language, new Date(l.expiresAt)))}`);
    doc.image(qr as never, 71, doc.y + 12, { width: 79 });
    doc.text(t.pageLabel, 165, doc.y + 12).text(l.activationPage).text(t.closing, 71).text(HEAD.companyName);
  }
  doc.end();
  return done;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { letters: { type: 'string', default: '10000' } }, strict: true });
  const n = Number(values.letters);
  const list = letters(n);
  // Warm up both (font parsing, JIT) on a few letters.
  await activationLettersPdf(list.slice(0, 50), HEAD, FONTS);
  await rawPdfkit(list.slice(0, 50));
  let t0 = performance.now();
  const core = await activationLettersPdf(list, HEAD, FONTS);
  const coreMs = performance.now() - t0;
  t0 = performance.now();
  const raw = await rawPdfkit(list);
  const rawMs = performance.now() - t0;
  const result = {
    at: new Date().toISOString(),
    letters: n,
    coreMs,
    rawMs,
    coreLettersPerSecond: n / (coreMs / 1000),
    ratio: coreMs / rawMs,
    coreMB: core.length / 1e6,
    rawMB: raw.length / 1e6,
    goal: { ratio: 1.3, lettersPerSecond: 1000 },
  };
  console.log(`\n${n.toLocaleString('en')} activation letters into one PDF`);
  console.log(`core letter writer  ${coreMs.toFixed(0).padStart(7)} ms  ${result.coreLettersPerSecond.toFixed(0).padStart(6)} letters/s  ${result.coreMB.toFixed(1)} MB`);
  console.log(`raw pdfkit          ${rawMs.toFixed(0).padStart(7)} ms  ${(n / (rawMs / 1000)).toFixed(0).padStart(6)} letters/s  ${result.rawMB.toFixed(1)} MB`);
  console.log(`ratio ${result.ratio.toFixed(2)} (goal <= 1.3) · ${result.coreLettersPerSecond >= 1000 ? 'meets' : 'MISSES'} 1,000 letters/s`);
  fs.writeFileSync('bench-results-letters.json', `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
