import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api';
import { Email } from '../../../../shared/api/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import type { AnyFieldError } from '../../i18n/error-messages';
import { useSendTestMail } from './mail-settings-queries';

type TestResult = OutputOf<'smtp:test'>;

/** The server's answer as it gave it: a refusal is a result to read, not an app error. */
function TestAnswer({ result }: { result: TestResult }) {
  const { t } = useTranslation();
  if (result.ok) return <p role="status">{t('mailSettings.smtp.testOk')}</p>;
  return (
    <div className="alert alert--error" role="alert">
      {t('mailSettings.smtp.testFailed', { error: result.error ?? '' })}
      {result.responseCode === null ? null : <> ({t('mailSettings.smtp.testCode', { code: result.responseCode })})</>}
    </div>
  );
}

export function SmtpTestMail() {
  const { t } = useTranslation();
  const send = useSendTestMail();
  const [to, setTo] = useState('');
  const [toError, setToError] = useState<AnyFieldError | undefined>(undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!Email.safeParse(to).success) {
      setToError({ code: to.trim() === '' ? 'required' : 'invalid_email' });
      return;
    }
    setToError(undefined);
    send.mutate({ to: to.trim() });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('mailSettings.smtp.testTitle')}>
      <TextField
        label={t('mailSettings.smtp.testTo')}
        type="email"
        value={to}
        onValueChange={(v) => {
          setTo(v);
          setToError(undefined);
        }}
        error={toError ?? send.error?.fields?.to}
        hint={t('mailSettings.smtp.testHint')}
        maxLength={254}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={send.isPending} aria-busy={send.isPending}>
          {t('mailSettings.smtp.testSend')}
        </button>
      </div>
      {send.error ? <ErrorAlert error={send.error} /> : null}
      {send.data && !send.isPending ? <TestAnswer result={send.data} /> : null}
    </form>
  );
}
