import type { UiLanguage } from '../../../shared/api/common';
import type { HoursReport, HoursReportRow } from '../../../shared/api/hours';
import { neutraliseCell } from '../../../shared/export-cell';
import { formatHours, hoursReportText } from './hours-report-text';

const MINUTE_COLUMNS = [
  'beforeMinutes',
  'boughtMinutes',
  'usedMinutes',
  'usedByOtherProjectsMinutes',
  'afterMinutes',
  'availableMinutes',
  'overdraftMinutes',
] as const satisfies readonly (keyof HoursReportRow)[];

/** A cell quoted when it holds the separator, a quote or a line break (RFC 4180). */
function quoted(cell: string, separator: string): string {
  return cell.includes(separator) || cell.includes('"') || /[\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * The report as CSV, as the spreadsheet of that language opens it: in Dutch and German ";"
 * between cells and a decimal comma, in English "," and a point. Text cells go through
 * neutraliseCell (no formulas, no control characters); the hours are numbers Portier wrote,
 * and a negative balance must stay a number, so they are written as they are.
 */
export function hoursReportCsv(report: HoursReport, language: UiLanguage): string {
  const separator = language === 'en' ? ',' : ';';
  const t = hoursReportText(language);
  const header = [t.columns.label, t.columns.from, t.columns.to, ...MINUTE_COLUMNS.map((c) => t.columns[c])];
  const lines = [header.map((h) => quoted(neutraliseCell(h), separator)).join(separator)];
  for (const row of report.rows) {
    const text = [row.label, row.from, row.to].map((cell) => quoted(neutraliseCell(cell), separator));
    const hours = MINUTE_COLUMNS.map((c) => quoted(formatHours(row[c], language), separator));
    lines.push([...text, ...hours].join(separator));
  }
  return `${lines.join('\r\n')}\r\n`;
}
