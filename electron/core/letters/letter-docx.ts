import { AlignmentType, Document, HorizontalPositionAlign, HorizontalPositionRelativeFrom, ImageRun, Packer, Paragraph, TextRun, TextWrappingSide, TextWrappingType, VerticalPositionRelativeFrom } from 'docx';
import QRCode from 'qrcode';
import { neutraliseText } from '../../../shared/export-cell';
import { LOGO_BOX_MM, fitLogo, letterTexts, printableLetter, printableLetterhead, type ActivationLetter, type Letterhead, type LetterheadImage } from './letter-data';

const formatDate = (date: Date | string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(typeof date === 'string' ? new Date(date) : date);

/** Twips (1/1440 inch) from millimetres, for page margins. */
const mm = (n: number) => Math.round((n / 25.4) * 1440);
/** docx sizes images in pixels at 96 dpi and places them in EMUs (36,000 per millimetre). */
const px = (n: number) => (n / 25.4) * 96;
const emu = (n: number) => Math.round(n * 36000);

/** The logo floating at the top right of the page, level with the company name, which wraps short of it. */
function logoRun(logo: LetterheadImage): ImageRun {
  const size = fitLogo(logo, { width: px(LOGO_BOX_MM.width), height: px(LOGO_BOX_MM.height) });
  return new ImageRun({
    type: logo.mimeType === 'image/png' ? 'png' : 'jpg',
    data: logo.data,
    transformation: { width: Math.round(size.width), height: Math.round(size.height) },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, align: HorizontalPositionAlign.RIGHT },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PAGE, offset: emu(15) },
      // 5 mm between the text and the logo, as on the PDF.
      wrap: { type: TextWrappingType.SQUARE, side: TextWrappingSide.LEFT, margins: { distL: emu(5) } },
    },
  });
}

function letterParagraphs(letter: ActivationLetter, head: Letterhead, qr: Buffer): Paragraph[] {
  const t = letterTexts(letter.language);
  const line = (text: string, options: { bold?: boolean; size?: number; spacingAfter?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; lead?: ImageRun | undefined } = {}) =>
    new Paragraph({
      spacing: { after: options.spacingAfter ?? 0 },
      ...(options.align ? { alignment: options.align } : {}),
      children: [...(options.lead ? [options.lead] : []), new TextRun({ text, bold: options.bold ?? false, size: options.size ?? 20, font: 'DejaVu Sans' })],
    });
  return [
    line(head.companyName, { bold: true, size: 28, lead: head.logo ? logoRun(head.logo) : undefined }),
    line(head.addressLines.join(' · '), { size: 18, spacingAfter: 800 }),
    ...letter.recipient.map((r, i) => line(r, { spacingAfter: i === letter.recipient.length - 1 ? 600 : 0 })),
    line(formatDate(letter.date, letter.language), { align: AlignmentType.RIGHT, spacingAfter: 200 }),
    line(letter.subject, { bold: true, size: 24, spacingAfter: 240 }),
    ...letter.paragraphs.map((p) => line(p, { spacingAfter: 120 })),
    line(t.codeLabel, { bold: true }),
    new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: letter.code, bold: true, size: 48, characterSpacing: 60, font: 'DejaVu Sans' })] }),
    line(`${letter.username} · ${t.validUntil(formatDate(letter.expiresAt, letter.language))}`, { spacingAfter: 200 }),
    new Paragraph({ children: [new ImageRun({ type: 'png', data: qr, transformation: { width: 100, height: 100 } })] }),
    line(t.pageLabel, { size: 18 }),
    line(letter.activationPage, { spacingAfter: 300 }),
    line(t.closing),
    line(head.companyName),
  ];
}

/**
 * The same letters as a Word document (one section, so one page, per letter) for staff who
 * want to edit the text before printing.
 */
export async function activationLettersDocx(letters: readonly ActivationLetter[], letterhead: Letterhead): Promise<Buffer> {
  const head = printableLetterhead(letterhead);
  const qrs = new Map<string, Buffer>();
  const sections = [];
  for (const letter of letters) {
    let qr = qrs.get(letter.activationPage);
    if (!qr) {
      qr = await QRCode.toBuffer(letter.activationPage, { errorCorrectionLevel: 'M', margin: 0, width: 240 });
      qrs.set(letter.activationPage, qr);
    }
    sections.push({ properties: { page: { margin: { top: mm(15), left: mm(25), right: mm(20), bottom: mm(15) } } }, children: letterParagraphs(printableLetter(letter), head, qr) });
  }
  return Packer.toBuffer(new Document({ creator: 'Portier', title: neutraliseText(letters[0]?.subject ?? ''), sections }));
}
