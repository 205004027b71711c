import { useTranslation } from 'react-i18next';
import type { TicketRight } from '../../../../shared/api/ticket-rights';
import type { ViewContact } from '../../../../shared/api/ticket-view';
import { formatTicketNumber } from '../../../../shared/ticket-number';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useExplain } from './view-as-queries';

interface ExplainPanelProps {
  contact: ViewContact;
  number: number;
  /** The contact's rights, to name each right's project; explain gives ids only. */
  rights: readonly TicketRight[];
  onClose: () => void;
}

/** Why a contact does or does not see one ticket: the reasons in the staff user's language, and every check of every right. */
export function ExplainPanel({ contact, number, rights, onClose }: ExplainPanelProps) {
  const { t } = useTranslation();
  const explain = useExplain(contact, number);
  const data = explain.data;
  const title = t('viewAs.explainTitle', { number: formatTicketNumber(number) });
  const rightName = (id: number) => {
    const right = rights.find((r) => r.id === id);
    return right ? `${right.projectName}: ${t(`ticketRights.scopes.${right.scope}`)}${right.taskName ? ` (${right.taskName})` : ''}` : t('viewAs.perRight', { id });
  };
  return (
    <section className="panel explain-panel" aria-label={title} aria-busy={explain.isFetching}>
      <header className="panel__header">
        <h2>{title}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t('viewAs.close')}
        </button>
      </header>
      <ErrorAlert error={explain.error} />
      {data ? (
        <>
          <p className={data.visible ? 'explain-panel__verdict explain-panel__verdict--visible' : 'explain-panel__verdict explain-panel__verdict--hidden'}>
            <strong>{data.visible ? t('viewAs.visible') : t('viewAs.hidden')}</strong>
          </p>
          <ul className="explain-panel__reasons">
            {data.reasons.map((reason) => (
              <li key={reason}>{t(`viewAs.reasons.${reason}`)}</li>
            ))}
          </ul>
          {data.rights.length > 0 ? (
            <details>
              <summary>{t('viewAs.checksTitle')}</summary>
              {data.rights.map((right) => (
                <div key={right.rightId}>
                  <h3>{rightName(right.rightId)}</h3>
                  <ul>
                    {right.checks.map((c) => (
                      <li key={c.check}>
                        {t(`viewAs.checks.${c.check}`)}: {c.passed ? t('viewAs.passed') : t('viewAs.failed')}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
