import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail, TimeEntry } from '../../../../shared/api/tickets';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { formatDay } from '../hours/hours-format';
import { useCurrentStaff } from '../session/session-queries';
import { TimeEntryDialog } from './TimeEntryDialog';
import { useDeleteTimeEntry, useLockTimeEntries } from './ticket-queries';
import { formatDuration } from './time-entry-input';

/** Time booked on the ticket: book, edit and delete; administrators lock entries (invoiced, period closed); locked entries are read-only and say why. */
export function TicketTimeEntries({ ticket }: { ticket: TicketDetail }) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteTimeEntry();
  const lock = useLockTimeEntries();
  const isAdmin = useCurrentStaff().data?.role === 'administrator';
  const [editing, setEditing] = useState<TimeEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);
  const [locking, setLocking] = useState<TimeEntry | null>(null);
  const day = (d: string) => formatDay(d, i18n.language);

  const onDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notify(t('tickets.time.deleted'));
    } catch {
      // Shown above the table.
    }
    setDeleting(null);
  };

  const onLock = async () => {
    if (!locking) return;
    try {
      await lock.mutateAsync({ ids: [locking.id] });
      notify(t('tickets.time.lockedDone'));
    } catch {
      // Shown above the table.
    }
    setLocking(null);
  };

  return (
    <section className="ticket-section" aria-labelledby="ticket-time">
      <header className="panel__header">
        <h2 id="ticket-time">{t('tickets.time.title')}</h2>
        <button
          type="button"
          className="button"
          onClick={() => {
            remove.reset();
            setEditing('new');
          }}
        >
          {t('tickets.time.book')}
        </button>
      </header>
      <ErrorAlert error={remove.error ?? lock.error} />
      {ticket.timeEntries.length === 0 ? <p className="muted">{t('tickets.time.empty')}</p> : null}
      {ticket.timeEntries.length > 0 ? (
        <table className="table table--compact">
          <caption className="visually-hidden">{t('tickets.time.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tickets.time.date')}</th>
              <th scope="col" className="cell-number">{t('tickets.time.duration')}</th>
              <th scope="col">{t('tickets.time.staff')}</th>
              <th scope="col">{t('tickets.time.project')}</th>
              <th scope="col">{t('tickets.time.note')}</th>
              <th scope="col">{t('tickets.time.billable')}</th>
              <th scope="col">{t('tickets.time.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {ticket.timeEntries.map((e) => (
              <tr key={e.id}>
                <td className="cell-nowrap">{day(e.workDate)}</td>
                <td className="cell-number">{formatDuration(e.minutes)}</td>
                <td>{e.staffName}</td>
                <td>{e.projectName}</td>
                <td>{e.note}</td>
                <td>{e.billable ? t('tickets.time.yes') : t('tickets.time.no')}</td>
                <td className="cell-actions">
                  {e.locked ? (
                    <span className="badge badge--off" title={t('tickets.time.lockedReason')}>
                      {t('tickets.time.locked')}
                      <span className="visually-hidden">: {t('tickets.time.lockedReason')}</span>
                    </span>
                  ) : (
                    <>
                      <button type="button" className="button button--small" aria-label={t('tickets.time.editLabel', { date: day(e.workDate) })} onClick={() => setEditing(e)}>
                        {t('tickets.time.edit')}
                      </button>{' '}
                      <button
                        type="button"
                        className="button button--small button--danger"
                        aria-label={t('tickets.time.deleteLabel', { date: day(e.workDate) })}
                        onClick={() => {
                          remove.reset();
                          setDeleting(e);
                        }}
                      >
                        {t('tickets.time.delete')}
                      </button>
                      {isAdmin ? (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('tickets.time.lockLabel', { date: day(e.workDate) })}
                            onClick={() => {
                              lock.reset();
                              setLocking(e);
                            }}
                          >
                            {t('tickets.time.lock')}
                          </button>
                        </>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {ticket.timeEntries.some((e) => e.locked) ? <p className="field-hint">{t('tickets.time.lockedReason')}</p> : null}
      <p>{t('tickets.time.total', { time: formatDuration(ticket.totalMinutes) })}</p>
      {editing ? <TimeEntryDialog ticket={ticket} entry={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
      {locking ? (
        <ConfirmDialog
          title={t('tickets.time.lockTitle')}
          message={t('tickets.time.lockText', { time: formatDuration(locking.minutes), date: day(locking.workDate) })}
          confirmLabel={t('tickets.time.lock')}
          busy={lock.isPending}
          onConfirm={() => void onLock()}
          onCancel={() => setLocking(null)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('tickets.time.deleteTitle')}
          message={t('tickets.time.deleteText', { time: formatDuration(deleting.minutes), date: day(deleting.workDate) })}
          confirmLabel={t('tickets.time.deleteTitle')}
          busy={remove.isPending}
          onConfirm={() => void onDelete()}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
