import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/api/audit';
import { Pager, TableMessage } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../i18n/format';
import { AuditChanges } from '../audit/AuditChanges';
import { auditActor } from '../audit/audit-actor';
import { formatDay } from '../hours/hours-format';
import { useTicketHistory } from './ticket-queries';

const PAGE = 20;

const TIME_ENTRY_ACTIONS = new Set(['created', 'updated', 'deleted', 'locked']);
/** A time entry's audit label ends in its day ("T-10234 2026-03-02", see time-entry-service). */
const labelDay = (label: string | null) => (label ? (/(\d{4}-\d{2}-\d{2})$/.exec(label)?.[1] ?? null) : null);

/** What was done, in the ticket's words: "Time booked · entry of 2 Mar 2026" for its time entries, the audit log's action otherwise. */
function whatWasDone(t: ReturnType<typeof useTranslation>['t'], language: string, e: AuditEntry): string {
  const action = t(`auditLog.actions.${e.action}`, { defaultValue: e.action });
  if (e.entity === 'ticket') return action;
  if (e.entity !== 'time-entry') return `${t(`audit.entities.${e.entity}`)}: ${action}`;
  const text = TIME_ENTRY_ACTIONS.has(e.action) ? t(`tickets.history.timeEntryActions.${e.action}`) : `${t('audit.entities.time-entry')}: ${action}`;
  const day = labelDay(e.label);
  return day ? `${text} · ${t('tickets.history.timeEntryOf', { date: formatDay(day, language) })}` : text;
}

/** A time entry's ticket is the page's own ticket: not repeated in each of its entries. */
const HIDE_ON_TICKET_PAGE = ['ticketId'] as const;

/** The ticket's audit entries and its time entries', newest first, read like the audit log: when, who, what was done, what changed. */
export function TicketHistory({ ticketId }: { ticketId: number }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const query = useTicketHistory(ticketId, offset, PAGE);
  const rows = query.data?.rows ?? [];
  return (
    <section className="ticket-section" aria-labelledby="ticket-history" aria-busy={query.isFetching}>
      <h2 id="ticket-history">{t('tickets.history.title')}</h2>
      <ErrorAlert error={query.error} />
      <div className="table-wrap">
        <table className="table table--audit">
          <caption className="visually-hidden">{t('tickets.history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tickets.history.at')}</th>
              <th scope="col">{t('tickets.history.who')}</th>
              <th scope="col">{t('tickets.history.action')}</th>
              <th scope="col">{t('tickets.history.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {query.isPending ? <TableMessage colSpan={4}>{t('app.loading')}</TableMessage> : null}
            {query.isSuccess && rows.length === 0 ? <TableMessage colSpan={4}>{t('tickets.history.empty')}</TableMessage> : null}
            {rows.map((e) => (
              <tr key={e.id}>
                <td className="cell-nowrap">
                  <time dateTime={e.at}>{format.dateTime(e.at)}</time>
                </td>
                <td>{auditActor(t, e)}</td>
                <td>{whatWasDone(t, i18n.language, e)}</td>
                <td>
                  <AuditChanges entry={e} hide={HIDE_ON_TICKET_PAGE} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager offset={offset} limit={PAGE} total={query.data?.total ?? 0} onOffset={setOffset} />
    </section>
  );
}
