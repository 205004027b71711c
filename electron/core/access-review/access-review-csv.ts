import type { AccessReview } from '../../../shared/api/access-review';
import type { UiLanguage } from '../../../shared/api/common';
import { neutraliseCell } from '../../../shared/export-cell';
import { accessReviewText, REVIEW_COLUMNS, reviewRows } from './access-review-text';

/** A cell quoted when it holds the separator, a quote or a line break (RFC 4180). */
function quoted(cell: string, separator: string): string {
  return cell.includes(separator) || cell.includes('"') || /[\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * The review as CSV, one line per account link: ";" between cells in Dutch and German (their
 * spreadsheets' list separator), "," in English. Every text cell goes through neutraliseCell,
 * so a username or a project name starting with "=" is never run as a formula.
 */
export function accessReviewCsv(review: AccessReview, language: UiLanguage): string {
  const separator = language === 'en' ? ',' : ';';
  const t = accessReviewText(language);
  const line = (cells: readonly (string | number)[]) => cells.map((c) => (typeof c === 'number' ? String(c) : quoted(neutraliseCell(c), separator))).join(separator);
  const lines = [line(REVIEW_COLUMNS.map((c) => t.columns[c])), ...reviewRows(review, language).map((row) => line(REVIEW_COLUMNS.map((c) => row[c])))];
  return `${lines.join('\r\n')}\r\n`;
}
