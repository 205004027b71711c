import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { neutraliseText } from '../../../shared/export-cell';
import { LOGO_BOX_MM, letterTexts, printableLetter, printableLetterhead, type ActivationLetter, type Letterhead } from './letter-data';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const LEFT = 25 * MM;
const RIGHT = 20 * MM;

/** The letterhead logo's box: top right, level with the company name, well above the address field. */
const LOGO = { right: A4.width - RIGHT, y: 15 * MM, width: LOGO_BOX_MM.width * MM, height: LOGO_BOX_MM.height * MM };

/** DIN 5008 form B: the address field of a window envelope, 45 mm from the top, 20 mm from the left, 85 x 45 mm. */
const ADDRESS = { x: 20 * MM + 5 * MM, y: 45 * MM + 17.7 * MM, width: 80 * MM };

/** Date formatters by language: making one is far slower than using it, and a bulk run uses three. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(date: Date | string, language: string): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format.format(typeof date === 'string' ? new Date(date) : date);
}

/** QR images by content: every letter of a run points at the same activation page, so it is made and embedded once. */
type EmbeddedImage = Parameters<PDFKit.PDFDocument['image']>[0];
type QrCache = Map<string, EmbeddedImage>;
/** pdfkit's openImage (not in its type definitions): parses an image once so every page can reuse it. */
const openImage = (doc: PDFKit.PDFDocument, png: Buffer): EmbeddedImage => (doc as unknown as { openImage(src: Buffer): EmbeddedImage }).openImage(png);

async function qrFor(doc: PDFKit.PDFDocument, cache: QrCache, content: string) {
  let image = cache.get(content);
  if (!image) {
    image = openImage(doc, await QRCode.toBuffer(content, { errorCorrectionLevel: 'M', margin: 0, width: 240 }));
    cache.set(content, image);
  }
  return image;
}

/** One letter on the current page; `logo` is opened once per document by the caller. */
async function drawLetter(doc: PDFKit.PDFDocument, letter: ActivationLetter, head: Letterhead, qrCache: QrCache, logo: EmbeddedImage | null): Promise<void> {
  const t = letterTexts(letter.language);
  const width = A4.width - LEFT - RIGHT;
  // With a logo the company name and address wrap short of it instead of running under it.
  const headWidth = logo ? width - LOGO.width - 5 * MM : width;
  if (logo) doc.image(logo, LOGO.right - LOGO.width, LOGO.y, { fit: [LOGO.width, LOGO.height], align: 'right' });
  doc.font('bold').fontSize(14).text(head.companyName, LEFT, 15 * MM, { width: headWidth });
  doc.font('regular').fontSize(9).fillColor('#444444').text(head.addressLines.join(' · '), LEFT, doc.y + 2, { width: headWidth });
  doc.fillColor('#000000');
  // Return line above the address, then the recipient in the envelope window.
  // One line, cut short with an ellipsis: it must not run into the address below.
  doc.fontSize(7).text([head.companyName, ...head.addressLines].join(', '), ADDRESS.x, 45 * MM + 12.7 * MM, { width: ADDRESS.width, height: doc.currentLineHeight(true), ellipsis: true });
  doc.fontSize(10).text(letter.recipient.join('\n'), ADDRESS.x, ADDRESS.y, { width: ADDRESS.width });
  doc.text(formatDate(letter.date, letter.language), LEFT, 98.46 * MM, { width, align: 'right' });
  doc.font('bold').fontSize(12).text(letter.subject, LEFT, 103.46 * MM, { width });
  doc.font('regular').fontSize(10);
  // The template's text: the salutation, then the paragraphs.
  letter.paragraphs.forEach((paragraph, i) => doc.moveDown(i === 0 ? 1.2 : 0.6).text(paragraph, { width, align: 'left' }));
  doc.moveDown(1.2).font('bold').text(t.codeLabel, { width });
  // The code large and spaced, for reading aloud and typing.
  doc.font('bold').fontSize(24).text(letter.code, { width, characterSpacing: 6 });
  doc.font('regular').fontSize(10).moveDown(0.3).text(`${letter.username} · ${t.validUntil(formatDate(letter.expiresAt, letter.language))}`, { width });
  const qrTop = doc.y + 12;
  const qr = await qrFor(doc, qrCache, letter.activationPage);
  doc.image(qr, LEFT, qrTop, { width: 28 * MM });
  doc.fontSize(9).text(t.pageLabel, LEFT + 33 * MM, qrTop, { width: width - 33 * MM });
  doc.fontSize(10).text(letter.activationPage, { width: width - 33 * MM });
  doc.text('', LEFT, qrTop + 32 * MM);
  doc.text(t.closing, LEFT, doc.y, { width }).moveDown(0.5).text(head.companyName, { width });
}

/**
 * Activation letters as one PDF, one page each, in the order given (bulk runs sort by
 * postal code first). Text in DejaVu Sans, embedded, so every name prints as written.
 */
export async function activationLettersPdf(letters: readonly ActivationLetter[], letterhead: Letterhead, fontsDir: string, onProgress?: (done: number) => void): Promise<Buffer> {
  const head = printableLetterhead(letterhead);
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, margin: 0, info: { Title: neutraliseText(letters[0]?.subject ?? ''), Producer: 'Portier' } });
  doc.registerFont('regular', path.join(fontsDir, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(fontsDir, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let n = 0;
  const qrCache: QrCache = new Map();
  // Opened once: every page then refers to the same image object, so a bulk file holds it once.
  const logo = head.logo ? openImage(doc, head.logo.data) : null;
  for (const letter of letters) {
    doc.addPage();
    await drawLetter(doc, printableLetter(letter), head, qrCache, logo);
    onProgress?.(++n);
    // Someone is watching: let their "how far?" through now and then.
    if (onProgress && n % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
  return done;
}
