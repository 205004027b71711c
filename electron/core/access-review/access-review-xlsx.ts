import ExcelJS from 'exceljs';
import type { AccessReview } from '../../../shared/api/access-review';
import type { UiLanguage } from '../../../shared/api/common';
import { neutraliseCell } from '../../../shared/export-cell';
import { accessReviewText, REVIEW_COLUMNS, reviewRows } from './access-review-text';

/** The review as an XLSX workbook (exceljs): one sheet, a bold frozen header, counts as numbers, text neutralised. */
export async function accessReviewXlsx(review: AccessReview, language: UiLanguage): Promise<Buffer> {
  const t = accessReviewText(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Portier';
  workbook.created = new Date(review.generatedAt);
  const sheet = workbook.addWorksheet(t.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REVIEW_COLUMNS.map((c) => ({ header: t.columns[c], key: c, width: c.endsWith('Tickets') ? 14 : c === 'permissions' || c === 'ticketRights' ? 50 : 24 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of reviewRows(review, language)) {
    sheet.addRow(REVIEW_COLUMNS.map((c) => {
      const value = row[c];
      return typeof value === 'number' ? value : neutraliseCell(value);
    }));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REVIEW_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
