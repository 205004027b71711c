import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmtpSettings } from '../../../../shared/api/outbox';
import { SmtpTls } from '../../../../shared/api/outbox';
import type { StaffMember } from '../../../../shared/api/staff';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { useForm } from '../../components/use-form';
import { useSmtpSettings, useUpdateSmtpSettings } from './mail-settings-queries';
import { formToSmtpUpdate, passwordWillBeDropped, smtpToForm, type SmtpFormValues } from './smtp-form-values';
import { SmtpTestMail } from './SmtpTestMail';
import { SaveActions } from '../../components/SaveActions';

function SmtpForm({ settings }: { settings: SmtpSettings }) {
  const { t } = useTranslation();
  const form = useForm<SmtpFormValues>(smtpToForm(settings));
  const update = useUpdateSmtpSettings();
  const { values, set, fieldErrors } = form;
  const tlsOptions = SmtpTls.options.map((mode) => ({
    value: mode,
    label: t(`mailSettings.smtp.${mode === 'starttls' ? 'tlsStarttls' : mode === 'tls' ? 'tlsTls' : 'tlsNone'}`),
  }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = formToSmtpUpdate(values);
    if ('errors' in checked) {
      form.failFields(checked.errors);
      return;
    }
    form.clearErrors();
    try {
      const saved = await update.mutateAsync(checked.update);
      form.setValues(smtpToForm(saved));
      notify(t('mailSettings.smtp.saved'));
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t('mailSettings.smtp.title')}>
        {settings.configured ? null : <p className="notice">{t('mailSettings.smtp.notConfigured')}</p>}
        <ErrorAlert error={form.error} />
        <div className="field-row">
          <TextField label={t('mailSettings.smtp.host')} value={values.host} onValueChange={(v) => set('host', v)} error={fieldErrors.host} maxLength={253} autoComplete="off" />
          <TextField label={t('mailSettings.smtp.port')} inputMode="numeric" value={values.port} onValueChange={(v) => set('port', v)} error={fieldErrors.port} maxLength={5} className="field--narrow" />
        </div>
        <SelectField label={t('mailSettings.smtp.tls')} value={values.tls} options={tlsOptions} onValueChange={(v) => set('tls', SmtpTls.catch(values.tls).parse(v))} error={fieldErrors.tls} />
        <div className="field-row">
          <TextField label={t('mailSettings.smtp.user')} value={values.user} onValueChange={(v) => set('user', v)} error={fieldErrors.user} maxLength={254} autoComplete="off" />
          <TextField
            label={t('mailSettings.smtp.password')}
            type="password"
            value={values.password}
            onValueChange={(v) => set('password', v)}
            error={fieldErrors.password}
            placeholder={settings.passwordSet ? t('mailSettings.smtp.passwordStored') : undefined}
            disabled={values.removePassword}
            maxLength={1024}
            autoComplete="new-password"
          />
        </div>
        {passwordWillBeDropped(settings, values) ? (
          <p className="notice" role="status">
            {t('mailSettings.smtp.passwordDropped')}
          </p>
        ) : null}
        {settings.passwordSet ? (
          <CheckboxField label={t('mailSettings.smtp.removePassword')} checked={values.removePassword} onCheckedChange={(v) => set('removePassword', v)} />
        ) : null}
        <div className="field-row">
          <TextField label={t('mailSettings.smtp.senderAddress')} type="email" value={values.senderAddress} onValueChange={(v) => set('senderAddress', v)} error={fieldErrors.senderAddress} maxLength={254} />
          <TextField label={t('mailSettings.smtp.senderName')} value={values.senderName} onValueChange={(v) => set('senderName', v)} error={fieldErrors.senderName} maxLength={200} />
        </div>
        <SaveActions pending={update.isPending} />
      </form>
      <SmtpTestMail />
    </>
  );
}

/** Settings section: the SMTP server. Its settings are administrators' business only, so others see just why. */
export function SmtpSettingsSection({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const isAdmin = me.role === 'administrator';
  return (
    <section className="settings-section" aria-labelledby="smtp-settings-title">
      <h2 id="smtp-settings-title">{t('mailSettings.smtp.title')}</h2>
      <p className="muted">{t('mailSettings.smtp.intro')}</p>
      {isAdmin ? <SmtpLoader /> : <p className="notice">{t('mailSettings.smtp.readOnly')}</p>}
    </section>
  );
}

function SmtpLoader() {
  const { t } = useTranslation();
  const query = useSmtpSettings();
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <p className="muted">{t('app.loading')}</p>;
  return <SmtpForm settings={query.data} />;
}
