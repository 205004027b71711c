import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { UiLanguage } from '../../../shared/api/common';
import type { HoursReport, HoursReportRow } from '../../../shared/api/hours';
import { neutraliseText } from '../../../shared/export-cell';
import { formatHours, hoursReportText, type HoursReportText } from './hours-report-text';

const MM = 72 / 25.4;
/** A4 landscape: ten columns side by side. */
const PAGE = { width: 297 * MM, height: 210 * MM };
const MARGIN = 15 * MM;
const CHART_HEIGHT = 60 * MM;
const ROW_HEIGHT = 12;
const USED_COLOUR = '#4a78b5';
const BALANCE_COLOUR = '#c0392b';

const COLUMNS = [
  'label',
  'from',
  'to',
  'beforeMinutes',
  'boughtMinutes',
  'usedMinutes',
  'usedByOtherProjectsMinutes',
  'afterMinutes',
  'availableMinutes',
  'overdraftMinutes',
] as const satisfies readonly (keyof HoursReportRow)[];

/** Relative column widths: the label wider, the numbers alike. */
const WEIGHTS = [1.6, 1.1, 1.1, 1, 1, 1, 1.3, 1, 1.3, 1];

function cell(row: HoursReportRow, column: (typeof COLUMNS)[number], language: UiLanguage): string {
  const value = row[column];
  return typeof value === 'number' ? formatHours(value, language) : neutraliseText(value);
}

/** A bar per interval for the hours used, a line for the balance after it; zero drawn as the axis. */
function drawChart(doc: PDFKit.PDFDocument, rows: readonly HoursReportRow[], t: HoursReportText, language: UiLanguage, top: number): void {
  const left = MARGIN + 12 * MM;
  const width = PAGE.width - MARGIN - left;
  const values = rows.flatMap((r) => [r.usedMinutes, r.afterMinutes, 0]);
  const max = Math.max(...values, 60);
  const min = Math.min(...values);
  const y = (minutes: number) => top + CHART_HEIGHT - ((minutes - min) / (max - min)) * CHART_HEIGHT;
  doc.lineWidth(0.5).strokeColor('#999999').rect(left, top, width, CHART_HEIGHT).stroke();
  doc.strokeColor('#000000').moveTo(left, y(0)).lineTo(left + width, y(0)).stroke();
  doc.font('regular').fontSize(7).fillColor('#444444');
  for (const mark of [max, 0, min]) {
    doc.text(`${formatHours(mark, language).replace(/[.,]00$/, '')} ${t.hoursUnit}`, MARGIN, y(mark) - 3, { width: 11 * MM, align: 'right', lineBreak: false });
  }
  const slot = width / Math.max(rows.length, 1);
  rows.forEach((row, i) => {
    if (row.usedMinutes <= 0) return;
    const x = left + i * slot + slot * 0.15;
    doc.rect(x, y(row.usedMinutes), slot * 0.7, y(0) - y(row.usedMinutes)).fill(USED_COLOUR);
  });
  rows.forEach((row, i) => {
    const x = left + i * slot + slot / 2;
    if (i === 0) doc.moveTo(x, y(row.afterMinutes));
    else doc.lineTo(x, y(row.afterMinutes));
  });
  if (rows.length > 0) doc.lineWidth(1.2).strokeColor(BALANCE_COLOUR).stroke();
  const legendY = top + CHART_HEIGHT + 4;
  doc.rect(left, legendY, 8, 6).fill(USED_COLOUR);
  doc.fillColor('#000000').text(t.chartUsed, left + 11, legendY, { lineBreak: false });
  doc.lineWidth(1.2).strokeColor(BALANCE_COLOUR).moveTo(left + 70 * MM, legendY + 3).lineTo(left + 70 * MM + 8, legendY + 3).stroke();
  doc.text(t.chartBalance, left + 70 * MM + 11, legendY, { lineBreak: false });
  doc.lineWidth(0.5).strokeColor('#000000');
}

function drawHeader(doc: PDFKit.PDFDocument, t: HoursReportText, xs: readonly number[], widths: readonly number[], y: number): number {
  doc.font('bold').fontSize(7).fillColor('#000000');
  const height = Math.max(...COLUMNS.map((c, i) => doc.heightOfString(t.columns[c], { width: (widths[i] as number) - 4 })));
  COLUMNS.forEach((c, i) => doc.text(t.columns[c], (xs[i] as number) + 2, y, { width: (widths[i] as number) - 4, align: i < 3 ? 'left' : 'right' }));
  doc.moveTo(MARGIN, y + height + 2).lineTo(PAGE.width - MARGIN, y + height + 2).stroke();
  return y + height + 5;
}

/**
 * The hours report as a PDF: title, organisation, period and projects, the chart, then the
 * table (continued on further pages with its header repeated). DejaVu Sans, embedded.
 */
export async function hoursReportPdf(report: HoursReport, language: UiLanguage, fontsDir: string): Promise<Buffer> {
  const t = hoursReportText(language);
  const doc = new PDFDocument({ size: [PAGE.width, PAGE.height], margin: 0, info: { Title: `${t.title} ${neutraliseText(report.organisationName)}`, Producer: 'Portier' } });
  doc.registerFont('regular', path.join(fontsDir, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(fontsDir, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = PAGE.width - 2 * MARGIN;
  doc.font('bold').fontSize(14).text(`${t.title}: ${neutraliseText(report.organisationName)}`, MARGIN, MARGIN, { width });
  const projects = report.projects.length > 0 ? report.projects.map((p) => neutraliseText(p.name)).join(', ') : t.allProjects;
  doc.font('regular').fontSize(9).text(`${t.period}: ${report.from} – ${report.to} · ${t.projects}: ${projects}`, MARGIN, doc.y + 2, { width });
  const chartTop = doc.y + 8;
  drawChart(doc, report.rows, t, language, chartTop);

  const total = WEIGHTS.reduce((a, b) => a + b, 0);
  const widths = WEIGHTS.map((w) => (w / total) * width);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
  let y = drawHeader(doc, t, xs, widths, chartTop + CHART_HEIGHT + 16);
  for (const row of report.rows) {
    if (y + ROW_HEIGHT > PAGE.height - MARGIN) {
      doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
      y = drawHeader(doc, t, xs, widths, MARGIN);
    }
    doc.font('regular').fontSize(7).fillColor(row.afterMinutes < 0 ? BALANCE_COLOUR : '#000000');
    COLUMNS.forEach((c, i) =>
      doc.text(cell(row, c, language), (xs[i] as number) + 2, y, { width: (widths[i] as number) - 4, align: i < 3 ? 'left' : 'right', lineBreak: false }),
    );
    y += ROW_HEIGHT;
  }
  doc.end();
  return done;
}
