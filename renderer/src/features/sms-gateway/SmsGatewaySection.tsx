import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmsGatewaySettings } from '../../../../shared/api/sms-gateway';
import type { StaffMember } from '../../../../shared/api/staff';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, TextAreaField, TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { SaveActions } from '../../components/SaveActions';
import { useForm } from '../../components/use-form';
import type { AnyFieldError } from '../../i18n/error-messages';
import { formToSmsGatewayUpdate, secretWillBeDropped, smsGatewayToForm, type SmsGatewayFormValues } from './sms-gateway-form-values';
import { useRemoveSmsGateway, useSmsGatewaySettings, useUpdateSmsGateway } from './sms-gateway-queries';

/** The core's template problems (placeholders, JSON) all mean "not as the hint says": the hint under the field tells how. */
const templateError = (error: AnyFieldError | undefined): AnyFieldError | undefined => (error && error.code !== 'required' && error.code !== 'too_long' ? { code: 'invalid_value' } : error);

function SmsGatewayForm({ settings }: { settings: SmsGatewaySettings }) {
  const { t } = useTranslation();
  const form = useForm<SmsGatewayFormValues>(smsGatewayToForm(settings));
  const update = useUpdateSmsGateway();
  const remove = useRemoveSmsGateway();
  const { values, set, fieldErrors } = form;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = formToSmsGatewayUpdate(values);
    if ('errors' in checked) {
      form.failFields(checked.errors);
      return;
    }
    form.clearErrors();
    try {
      form.setValues(smsGatewayToForm(await update.mutateAsync(checked.update)));
      notify(t('smsGateway.saved'));
    } catch (error) {
      form.fail(error);
    }
  };

  const onRemove = async () => {
    try {
      form.setValues(smsGatewayToForm(await remove.mutateAsync({})));
      notify(t('smsGateway.removed'));
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('smsGateway.title')}>
      {settings.configured ? null : <p className="notice">{t('smsGateway.notConfigured')}</p>}
      <ErrorAlert error={form.error} />
      <TextField label={t('smsGateway.url')} hint={t('smsGateway.urlHint')} type="url" value={values.url} onValueChange={(v) => set('url', v)} error={fieldErrors.url} maxLength={2000} autoComplete="off" />
      <div className="field-row">
        <TextField label={t('smsGateway.headerName')} hint={t('smsGateway.headerNameHint')} value={values.headerName} onValueChange={(v) => set('headerName', v)} error={fieldErrors.headerName} maxLength={100} autoComplete="off" />
        <TextField
          label={t('smsGateway.secret')}
          type="password"
          value={values.secret}
          onValueChange={(v) => set('secret', v)}
          error={fieldErrors.secret}
          placeholder={settings.secretSet ? t('smsGateway.secretStored') : undefined}
          disabled={values.removeSecret}
          maxLength={2000}
          autoComplete="new-password"
        />
      </div>
      {secretWillBeDropped(settings, values) ? (
        <p className="notice" role="status">
          {t('smsGateway.secretDropped')}
        </p>
      ) : null}
      {settings.secretSet ? <CheckboxField label={t('smsGateway.removeSecret')} checked={values.removeSecret} onCheckedChange={(v) => set('removeSecret', v)} /> : null}
      <TextAreaField
        label={t('smsGateway.bodyTemplate')}
        hint={t('smsGateway.bodyTemplateHint')}
        value={values.bodyTemplate}
        onValueChange={(v) => set('bodyTemplate', v)}
        error={templateError(fieldErrors.bodyTemplate)}
        maxLength={4000}
        spellCheck={false}
      />
      <SaveActions pending={update.isPending}>
        {settings.configured ? (
          <button type="button" className="button" onClick={() => void onRemove()} disabled={remove.isPending}>
            {t('smsGateway.remove')}
          </button>
        ) : null}
      </SaveActions>
    </form>
  );
}

function SmsGatewayLoader() {
  const { t } = useTranslation();
  const query = useSmsGatewaySettings();
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <p className="muted">{t('app.loading')}</p>;
  return <SmsGatewayForm settings={query.data} />;
}

/** Settings section: the SMS gateway two-step codes go out through. Administrators' business only, so others see just why. */
export function SmsGatewaySection({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  return (
    <section className="settings-section" aria-labelledby="sms-gateway-title">
      <h2 id="sms-gateway-title">{t('smsGateway.title')}</h2>
      <p className="muted">{t('smsGateway.intro')}</p>
      {me.role === 'administrator' ? <SmsGatewayLoader /> : <p className="notice">{t('smsGateway.readOnly')}</p>}
    </section>
  );
}
