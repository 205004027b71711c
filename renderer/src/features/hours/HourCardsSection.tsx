import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HourCard } from '../../../../shared/api/hours';
import type { Organisation } from '../../../../shared/api/organisations';
import { isAppError } from '../../../../shared/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { navigate } from '../../router/use-route';
import { useCurrentStaff } from '../session/session-queries';
import { AddHourCardDialog } from './AddHourCardDialog';
import { formatDay, formatHours } from './hours-format';
import { useDeleteHourCard, useHourCards } from './hours-queries';

/** IN_USE from the core names the minutes the card gave; the general text would speak of "records referring to it". */
function DeleteRefusal({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (isAppError(error) && error.code === 'IN_USE' && typeof error.params?.minutes === 'number') {
    return (
      <div className="alert alert--error" role="alert">
        {t('hours.cards.inUse', { hours: formatHours(error.params.minutes, i18n.language) })}
      </div>
    );
  }
  return <ErrorAlert error={error} />;
}

/** An organisation's hour cards: what each held, gave and has left; administrators add and delete them. */
export function HourCardsSection({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentStaff().data;
  const isAdmin = me?.role === 'administrator';
  const cards = useHourCards(organisation.id);
  const remove = useDeleteHourCard();
  const adminOnlyId = useId();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<HourCard | null>(null);
  const rows = cards.data ?? [];
  const language = i18n.language;
  const hours = (minutes: number) => formatHours(minutes, language);

  const onDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notify(t('hours.cards.deleted'));
    } catch {
      // Shown above the table as the core's refusal.
    } finally {
      setDeleting(null);
    }
  };

  return (
    <section className="panel panel--wide" aria-labelledby="organisation-hour-cards">
      <header className="panel__header">
        <h2 id="organisation-hour-cards">{t('hours.cards.title')}</h2>
        <div className="row-actions">
          <button type="button" className="button" onClick={() => navigate({ name: 'hours-report', organisationId: organisation.id })}>
            {t('hours.report.open')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!isAdmin}
            aria-describedby={isAdmin ? undefined : adminOnlyId}
            onClick={() => setAdding(true)}
          >
            {t('hours.cards.add')}
          </button>
        </div>
      </header>
      {me && !isAdmin ? (
        <p className="muted" id={adminOnlyId}>
          {t('hours.cards.adminOnly')}
        </p>
      ) : null}
      <ErrorAlert error={cards.error} />
      <DeleteRefusal error={remove.error} />
      {cards.isSuccess && rows.length === 0 ? <p className="muted">{t('hours.cards.empty')}</p> : null}
      {rows.length > 0 ? (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('hours.cards.columns.purchasedOn')}</th>
              <th scope="col" className="cell-number">{t('hours.cards.columns.hours')}</th>
              <th scope="col">{t('hours.cards.columns.project')}</th>
              <th scope="col" className="cell-number">{t('hours.cards.columns.used')}</th>
              <th scope="col" className="cell-number">{t('hours.cards.columns.remaining')}</th>
              <th scope="col">{t('hours.cards.columns.note')}</th>
              {isAdmin ? <th scope="col"><span className="visually-hidden">{t('hours.cards.delete')}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((card) => (
              <tr key={card.id}>
                <td className="cell-nowrap">{formatDay(card.purchasedOn, language)}</td>
                <td className="cell-number">{hours(card.minutes)}</td>
                <td>{card.projectName ?? t('hours.cards.general')}</td>
                <td className="cell-number">{hours(card.usedMinutes)}</td>
                <td className="cell-number">{hours(card.remainingMinutes)}</td>
                <td>{card.note}</td>
                {isAdmin ? (
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button--danger"
                      aria-label={t('hours.cards.deleteLabel', { date: formatDay(card.purchasedOn, language) })}
                      title={card.usedMinutes > 0 ? t('hours.cards.usedCannotDelete') : undefined}
                      onClick={() => {
                        remove.reset();
                        setDeleting(card);
                      }}
                    >
                      {t('hours.cards.delete')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {adding ? <AddHourCardDialog organisationId={organisation.id} onClose={() => setAdding(false)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={t('hours.cards.deleteTitle')}
          message={t('hours.cards.deleteText', { hours: hours(deleting.minutes), date: formatDay(deleting.purchasedOn, language) })}
          confirmLabel={t('hours.cards.deleteTitle')}
          busy={remove.isPending}
          onConfirm={() => void onDelete()}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
