import { useTranslation } from 'react-i18next';
import type { HoursReport, HoursReportRow } from '../../../../shared/api/hours';
import { formatDay, formatHours } from './hours-format';

/** The report's figures, one column per field of a row, in the order the ledger adds them up. */
export const REPORT_COLUMNS = [
  ['before', 'beforeMinutes'],
  ['bought', 'boughtMinutes'],
  ['used', 'usedMinutes'],
  ['usedByOtherProjects', 'usedByOtherProjectsMinutes'],
  ['after', 'afterMinutes'],
  ['available', 'availableMinutes'],
  ['overdraft', 'overdraftMinutes'],
] as const satisfies readonly (readonly [string, keyof HoursReportRow])[];

/** The hours report as a table: the accessible form of the chart, and what the exports contain. */
export function HoursReportTable({ report }: { report: HoursReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (report.rows.length === 0) return <p className="muted">{t('hours.report.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact hours-report-table">
        <caption className="visually-hidden">
          {t('hours.report.tableCaption', { from: formatDay(report.from, language), to: formatDay(report.to, language) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('hours.report.columns.label')}</th>
            {REPORT_COLUMNS.map(([key]) => (
              <th key={key} scope="col" className="cell-number">
                {t(`hours.report.columns.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.from}>
              <th scope="row" className="cell-nowrap">
                {row.label}
              </th>
              {REPORT_COLUMNS.map(([key, field]) => (
                <td key={key} className={row[field] < 0 || (field === 'overdraftMinutes' && row[field] > 0) ? 'cell-number cell-negative' : 'cell-number'}>
                  {formatHours(row[field], language, true)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
