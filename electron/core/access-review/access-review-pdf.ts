import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { AccessReview } from '../../../shared/api/access-review';
import type { UiLanguage } from '../../../shared/api/common';
import { neutraliseText } from '../../../shared/export-cell';
import { accessReviewText, reviewRows, type ReviewColumn, type AccessReviewText } from './access-review-text';

const MM = 72 / 25.4;
/** A4 landscape: the review is wide. */
const PAGE = { width: 297 * MM, height: 210 * MM };
const MARGIN = 12 * MM;

/** The printed columns and their relative widths; the permissions are long, so they wrap. */
const PRINTED: readonly { column: ReviewColumn; weight: number }[] = [
  { column: 'username', weight: 2.2 },
  { column: 'status', weight: 1.1 },
  { column: 'organisation', weight: 1.8 },
  { column: 'person', weight: 1.3 },
  { column: 'roleGroups', weight: 1.3 },
  { column: 'permissions', weight: 2.2 },
  { column: 'ticketRights', weight: 2.4 },
  { column: 'visibleTickets', weight: 1.3 },
  { column: 'writableTickets', weight: 1.3 },
];

function header(doc: PDFKit.PDFDocument, t: AccessReviewText, xs: readonly number[], widths: readonly number[], y: number): number {
  doc.font('bold').fontSize(7).fillColor('#000000');
  const height = Math.max(...PRINTED.map((p, i) => doc.heightOfString(t.columns[p.column], { width: (widths[i] as number) - 4 })));
  PRINTED.forEach((p, i) => doc.text(t.columns[p.column], (xs[i] as number) + 2, y, { width: (widths[i] as number) - 4 }));
  doc.lineWidth(0.5).moveTo(MARGIN, y + height + 2).lineTo(PAGE.width - MARGIN, y + height + 2).stroke();
  return y + height + 5;
}

/** The review printed for the file: title, filter and date, then one row per account link, the header repeated on every page. DejaVu Sans, embedded. */
export async function accessReviewPdf(review: AccessReview, language: UiLanguage, fontsDir: string): Promise<Buffer> {
  const t = accessReviewText(language);
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: 0, info: { Title: t.title, Producer: 'Portier' } });
  doc.registerFont('regular', path.join(fontsDir, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(fontsDir, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = PAGE.width - 2 * MARGIN;
  doc.font('bold').fontSize(14).text(t.title, MARGIN, MARGIN, { width });
  const organisation = review.organisationName === null ? t.allOrganisations : neutraliseText(review.organisationName);
  doc.font('regular').fontSize(9).text(`${t.organisation}: ${organisation} · ${t.generated}: ${review.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, MARGIN, doc.y + 2, { width });
  const total = PRINTED.reduce((a, p) => a + p.weight, 0);
  const widths = PRINTED.map((p) => (p.weight / total) * width);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
  let y = header(doc, t, xs, widths, doc.y + 8);
  for (const row of reviewRows(review, language)) {
    doc.font('regular').fontSize(7);
    const cells = PRINTED.map((p) => neutraliseText(String(row[p.column])));
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] as number) - 4 }))) + 3;
    if (y + height > PAGE.height - MARGIN) {
      doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
      y = header(doc, t, xs, widths, MARGIN);
      doc.font('regular').fontSize(7);
    }
    cells.forEach((c, i) => doc.text(c, (xs[i] as number) + 2, y, { width: (widths[i] as number) - 4, align: i >= 7 ? 'right' : 'left' }));
    y += height;
  }
  doc.end();
  return done;
}
