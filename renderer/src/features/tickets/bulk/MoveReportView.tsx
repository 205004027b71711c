import { useTranslation } from 'react-i18next';
import type { ProjectTaskRef, TicketMoveReport } from '../../../../../shared/api/ticket-moves';
import { formatTicketNumber } from '../../../../../shared/ticket-number';
import { useFormat } from '../../../i18n/format';
import { REPORT_ROWS } from './bulk-run';

const place = (ref: ProjectTaskRef | null) => (ref ? (ref.taskName ? `${ref.projectName} / ${ref.taskName}` : ref.projectName) : '');

/**
 * A move's report (dry run or done): per ticket what happens, the time rebooked and kept, the
 * contact person taken off (another customer's person), and who gains or loses sight of which tickets.
 */
export function MoveReportView({ report, preview }: { report: TicketMoveReport; preview: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hours = (minutes: number) => format.number(Math.round((minutes / 60) * 100) / 100);
  const numbers = new Map(report.rows.map((r) => [r.ticketId, formatTicketNumber(r.number)]));
  const tickets = (ids: readonly number[]) => ids.map((id) => numbers.get(id) ?? t('ticketBulk.unknownTicket', { id })).join(', ');
  const { totals } = report;
  const title = t(preview ? 'ticketBulk.previewTitle' : 'ticketBulk.reportTitle');
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <p role="status">
        {t('ticketBulk.move.totals', {
          tickets: totals.tickets,
          moved: totals.moved,
          taskChanged: totals.taskChanged,
          skipped: totals.skippedHasTime,
          unchanged: totals.unchanged,
          hoursMoved: hours(totals.minutesMoved),
          entriesMoved: totals.entriesMoved,
          hoursLocked: hours(totals.lockedMinutesKept),
          entriesLocked: totals.lockedEntriesKept,
        })}
      </p>
      {totals.contactsRemoved > 0 ? (
        <p className="alert alert--warning" role="note">
          {t('ticketBulk.move.contactsRemoved', { count: totals.contactsRemoved })}
        </p>
      ) : null}
      {report.notFoundTicketIds.length > 0 ? <p>{t('ticketBulk.move.notFound', { ids: report.notFoundTicketIds.join(', ') })}</p> : null}
      <table className="table table--compact" aria-label={t('ticketBulk.move.columns.ticket')}>
        <thead>
          <tr>
            <th scope="col">{t('ticketBulk.move.columns.ticket')}</th>
            <th scope="col">{t('ticketBulk.move.columns.from')}</th>
            <th scope="col">{t('ticketBulk.move.columns.to')}</th>
            <th scope="col">{t('ticketBulk.move.columns.outcome')}</th>
            <th scope="col">{t('ticketBulk.move.columns.moved')}</th>
            <th scope="col">{t('ticketBulk.move.columns.locked')}</th>
            <th scope="col">{t('ticketBulk.move.columns.secondary')}</th>
            <th scope="col">{t('ticketBulk.move.contactColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.slice(0, REPORT_ROWS).map((row) => (
            <tr key={row.ticketId}>
              <td>
                {formatTicketNumber(row.number)} {row.title}
              </td>
              <td>{place(row.from)}</td>
              <td>{place(row.to)}</td>
              <td>{t(`ticketBulk.move.outcomes.${row.outcome}`)}</td>
              <td>{row.entriesMoved > 0 ? t('ticketBulk.move.hours', { hours: hours(row.minutesMoved) }) : ''}</td>
              <td>{row.lockedEntriesKept > 0 ? t('ticketBulk.move.hours', { hours: hours(row.lockedMinutesKept) }) : ''}</td>
              <td>{place(row.secondaryAssignmentAdded)}</td>
              <td>{row.contactRemoved ? t('ticketBulk.move.contactRemoved', { name: row.contactRemoved.name, organisation: row.contactRemoved.organisationName }) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.rows.length > REPORT_ROWS ? <p className="muted">{t('ticketBulk.more', { count: report.rows.length - REPORT_ROWS })}</p> : null}
      <h4>{t('ticketBulk.move.visibility')}</h4>
      {report.visibility.length === 0 ? (
        <p>{t('ticketBulk.move.visibilityNone')}</p>
      ) : (
        <ul aria-label={t('ticketBulk.move.visibility')}>
          {report.visibility.map((c) => (
            <li key={`${c.kind}:${c.personId ?? ''}:${c.accountId ?? ''}:${c.organisationId ?? ''}`}>
              <strong>{c.organisationName ? t('ticketBulk.move.contact', { name: c.name, organisation: c.organisationName }) : c.name}</strong>
              {c.gainsTicketIds.length > 0 ? <> — {t('ticketBulk.move.gains', { tickets: tickets(c.gainsTicketIds) })}</> : null}
              {c.losesTicketIds.length > 0 ? <> — {t('ticketBulk.move.loses', { tickets: tickets(c.losesTicketIds) })}</> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
