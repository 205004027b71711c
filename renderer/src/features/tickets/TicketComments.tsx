import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/api/tickets';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, TextAreaField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { asAppError, type AnyFieldError } from '../../i18n/error-messages';
import { useFormat } from '../../i18n/format';
import { useCommentTicket } from './ticket-queries';

const BODY_MAX = 20_000;

/** The ticket's comments, oldest first, internal ones marked; staff add one, public or internal only. */
export function TicketComments({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const comment = useCommentTicket();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<AnyFieldError | undefined>();

  const onSubmit = async () => {
    if (body.trim() === '') {
      setError({ code: 'required' });
      return;
    }
    setError(undefined);
    try {
      await comment.mutateAsync({ ticketId: ticket.id, body: body.trim(), internal });
      notify(t('tickets.comments.added'));
      setBody('');
      setInternal(false);
    } catch (e) {
      setError(asAppError(e).fields?.body);
    }
  };

  return (
    <section className="ticket-section" aria-labelledby="ticket-comments">
      <h2 id="ticket-comments">{t('tickets.comments.title')}</h2>
      {ticket.comments.length === 0 ? <p className="muted">{t('tickets.comments.empty')}</p> : null}
      <ul className="comment-list" aria-label={t('tickets.comments.title')}>
        {ticket.comments.map((c) => (
          <li key={c.id} className={c.internal ? 'comment comment--internal' : 'comment'}>
            <div className="comment__meta">
              <strong>{c.authorStaffName ?? t('tickets.comments.byCustomer')}</strong>
              <time dateTime={c.createdAt} className="muted">
                {format.dateTime(c.createdAt)}
              </time>
              {c.internal ? <span className="badge badge--warn">{t('tickets.comments.internalBadge')}</span> : null}
            </div>
            <p className="prewrap">{c.body}</p>
          </li>
        ))}
      </ul>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        <ErrorAlert error={error ? null : comment.error} />
        <TextAreaField label={t('tickets.comments.body')} value={body} onValueChange={setBody} maxLength={BODY_MAX} rows={3} error={error} />
        <CheckboxField label={t('tickets.comments.internal')} checked={internal} onCheckedChange={setInternal} />
        <div>
          <button type="submit" className="button button--primary" disabled={comment.isPending}>
            {t('tickets.comments.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
