import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRightsPreview } from '../../../../shared/api/ticket-rights';
import { formatTicketNumber } from '../../../../shared/ticket-number';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRightsPreview, type RightsPreviewInput } from './ticket-rights-queries';

function Side({ heading, side }: { heading: string; side: TicketRightsPreview['gain'] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="rights-preview__side">
      <h4 id={id}>{heading}</h4>
      {side.total === 0 ? (
        <p className="muted">{t('ticketRights.preview.none')}</p>
      ) : (
        <ul aria-labelledby={id} className="link-list">
          {side.tickets.map((ticket) => (
            <li key={ticket.number}>
              {formatTicketNumber(ticket.number)} {ticket.title} <span className="muted">({ticket.projectName})</span>
            </li>
          ))}
        </ul>
      )}
      {side.total > side.tickets.length ? <p className="muted">{t('ticketRights.preview.more', { count: side.total - side.tickets.length })}</p> : null}
    </div>
  );
}

/** "What will this contact see?": the tickets the unsaved edit would add to and take from the contact's view. */
export function RightsPreview({ input }: { input: RightsPreviewInput }) {
  const { t } = useTranslation();
  const preview = useRightsPreview(input);
  const data = preview.data;
  return (
    <section className="rights-preview" aria-label={t('ticketRights.preview.title')} aria-busy={preview.isFetching}>
      <h3>{t('ticketRights.preview.title')}</h3>
      <ErrorAlert error={preview.error} />
      {!data && preview.isPending ? <p className="muted">{t('ticketRights.preview.loading')}</p> : null}
      {data ? (
        <>
          {data.blocked.length > 0 ? (
            <div className="alert alert--warning" role="status">
              {t('ticketRights.preview.blocked')} {data.blocked.map((r) => t(`viewAs.reasons.${r}`)).join(' ')}
            </div>
          ) : null}
          <p>{t('ticketRights.preview.summary', { before: data.visibleBefore, after: data.visibleAfter })}</p>
          <div className="rights-preview__sides">
            <Side heading={t('ticketRights.preview.gain', { count: data.gain.total })} side={data.gain} />
            <Side heading={t('ticketRights.preview.lose', { count: data.lose.total })} side={data.lose} />
          </div>
        </>
      ) : null}
    </section>
  );
}
