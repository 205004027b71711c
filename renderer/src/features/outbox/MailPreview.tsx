import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MailFrame } from '../../components/MailFrame';
import { useOutboxMail } from './outbox-queries';

/** One mail as the customer will see it: HTML in a sandboxed frame (no scripts, no requests out), or the text part. */
export function MailPreview({ id }: { id: number }) {
  const { t } = useTranslation();
  const mail = useOutboxMail(id);
  const [chosen, setView] = useState<'html' | 'text'>('html');
  if (mail.error) return <ErrorAlert error={mail.error} />;
  if (!mail.data) return <p className="muted">{t('app.loading')}</p>;
  // A text message has no HTML part: only its text (the code masked).
  const sms = mail.data.channel === 'sms';
  const view = sms ? 'text' : chosen;
  return (
    <div className="mail-preview">
      <dl className="facts">
        <dt>{t('outbox.columns.to')}</dt>
        <dd>{mail.data.to}</dd>
        {sms ? null : (
          <>
            <dt>{t('outbox.columns.subject')}</dt>
            <dd>{mail.data.subject}</dd>
          </>
        )}
        <dt>Message-ID</dt>
        <dd className="cell-sub">{mail.data.messageId}</dd>
        {mail.data.lastError ? (
          <>
            <dt>{t('outbox.lastError')}</dt>
            <dd className="field-error">{mail.data.lastError}</dd>
          </>
        ) : null}
      </dl>
      {sms ? null : (
        <div className="segmented" role="group" aria-label={t('outbox.previewAs')}>
          <button type="button" className="segmented__item" aria-pressed={view === 'html'} onClick={() => setView('html')}>
            HTML
          </button>
          <button type="button" className="segmented__item" aria-pressed={view === 'text'} onClick={() => setView('text')}>
            {t('outbox.text')}
          </button>
        </div>
      )}
      {view === 'html' ? (
        <MailFrame title={t('outbox.previewTitle', { subject: mail.data.subject })} html={mail.data.html} />
      ) : (
        // A region that takes focus: long lines scroll sideways, and keyboard users must be able to scroll it too.
        <pre className="mail-preview__text" role="region" tabIndex={0} aria-label={t('outbox.text')}>
          {mail.data.text}
        </pre>
      )}
    </div>
  );
}
