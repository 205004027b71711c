import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivationSettingsView } from '../../../../shared/api/activation-settings';
import type { StaffMember } from '../../../../shared/api/staff';
import { ErrorAlert } from '../../components/ErrorAlert';
import { countryOptions } from '../../components/country-options';
import { SelectField, TextAreaField, TextField, type SelectOption } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { useForm } from '../../components/use-form';
import { activationToForm, formToActivation, type ActivationFormValues } from './activation-form-values';
import { LetterheadLogoField } from './LetterheadLogoField';
import { useActivationSettings, useUpdateActivationSettings } from './mail-settings-queries';
import { SaveActions } from '../../components/SaveActions';

/** The system's zone first (stored as no choice), then every IANA zone this runtime knows. */
function timeZoneOptions(systemLabel: string): SelectOption[] {
  return [{ value: '', label: systemLabel }, ...['UTC', ...Intl.supportedValuesOf('timeZone')].map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))];
}

function ActivationForm({ settings, editable }: { settings: ActivationSettingsView; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const form = useForm<ActivationFormValues>(activationToForm(settings));
  const update = useUpdateActivationSettings();
  const { values, set, fieldErrors } = form;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editable) return;
    const checked = formToActivation(values);
    if ('errors' in checked) {
      form.failFields(checked.errors);
      return;
    }
    form.clearErrors();
    try {
      const saved = await update.mutateAsync(checked.settings);
      form.setValues(activationToForm(saved));
      notify(t('mailSettings.activation.saved'));
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('mailSettings.activation.title')}>
      <ErrorAlert error={form.error} />
      <fieldset className="fieldset" disabled={!editable}>
        <legend className="visually-hidden">{t('mailSettings.activation.title')}</legend>
        <div className="field-row">
          <TextField
            label={t('mailSettings.activation.activationDays')}
            inputMode="numeric"
            value={values.activationDays}
            onValueChange={(v) => set('activationDays', v)}
            error={fieldErrors.activationDays}
            hint={t('mailSettings.activation.activationDaysHint')}
            maxLength={4}
          />
          <TextField
            label={t('mailSettings.activation.setPasswordHours')}
            inputMode="numeric"
            value={values.setPasswordHours}
            onValueChange={(v) => set('setPasswordHours', v)}
            error={fieldErrors.setPasswordHours}
            maxLength={4}
          />
        </div>
        <TextField label={t('mailSettings.activation.companyName')} value={values.companyName} onValueChange={(v) => set('companyName', v)} error={fieldErrors.companyName} maxLength={120} />
        <TextAreaField
          label={t('mailSettings.activation.companyAddress')}
          hint={t('mailSettings.activation.companyAddressHint')}
          value={values.companyAddress}
          onValueChange={(v) => set('companyAddress', v)}
          error={fieldErrors.companyAddress}
          maxLength={300}
          rows={3}
        />
        <SelectField
          label={t('mailSettings.activation.companyCountry')}
          hint={t('mailSettings.activation.companyCountryHint')}
          value={values.companyCountry}
          options={countryOptions(i18n.language, t('mailSettings.activation.chooseCountry')).filter((o) => o.value !== '' || values.companyCountry === '')}
          onValueChange={(v) => set('companyCountry', v)}
          error={fieldErrors.companyCountry}
        />
        <LetterheadLogoField logo={settings.logo} editable={editable} />
        <TextField
          label={t('mailSettings.activation.portalUrl')}
          type="url"
          value={values.portalUrl}
          onValueChange={(v) => set('portalUrl', v)}
          error={fieldErrors.portalUrl}
          hint={t('mailSettings.activation.portalUrlHint')}
          maxLength={200}
        />
        <SelectField
          label={t('mailSettings.activation.timeZone')}
          hint={t('mailSettings.activation.timeZoneHint')}
          value={values.timeZone}
          options={timeZoneOptions(t('mailSettings.activation.systemTimeZone', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone }))}
          onValueChange={(v) => set('timeZone', v)}
          error={fieldErrors.timeZone}
        />
      </fieldset>
      {editable ? (
        <SaveActions pending={update.isPending} />
      ) : null}
    </form>
  );
}

/** Settings section: link lifetimes, letterhead (company name, address, logo) and portal address; administrators edit, others read. */
export function ActivationSettingsSection({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const query = useActivationSettings();
  const editable = me.role === 'administrator';
  return (
    <section className="settings-section" aria-labelledby="activation-settings-title">
      <h2 id="activation-settings-title">{t('mailSettings.activation.title')}</h2>
      <p className="muted">{t('mailSettings.activation.intro')}</p>
      {editable ? null : <p className="notice">{t('mailSettings.activation.readOnly')}</p>}
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {query.data ? <ActivationForm settings={query.data} editable={editable} /> : query.error ? null : <p className="muted">{t('app.loading')}</p>}
    </section>
  );
}
