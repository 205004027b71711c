import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSettings } from '../../../../shared/api/session-settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { SaveActions } from '../../components/SaveActions';
import { useForm } from '../../components/use-form';
import type { AnyFieldError } from '../../i18n/error-messages';
import { useSessionSettings, useUpdateSessionSettings } from './session-settings-queries';

/** How long sessions last: staff sessions' idle timeout, the customer portal's idle timeout and absolute lifetime (administrators only). */
export function SessionSettingsSection() {
  const settings = useSessionSettings();
  const data = settings.data;
  return (
    <>
      <ErrorAlert error={settings.error} />
      {data ? <Form key={`${data.idleMinutes}/${data.portalIdleMinutes}/${data.portalAbsoluteHours}`} settings={data} /> : null}
    </>
  );
}

type Values = Record<keyof SessionSettings, string>;
const FIELDS = ['idleMinutes', 'portalIdleMinutes', 'portalAbsoluteHours'] as const satisfies readonly (keyof SessionSettings)[];

/** The typed numbers, or the fields that are not whole numbers (the core checks the ranges and answers per field). */
function parse(values: Values): { settings: SessionSettings } | { errors: Record<string, AnyFieldError> } {
  const errors: Record<string, AnyFieldError> = {};
  const numbers = {} as SessionSettings;
  for (const field of FIELDS) {
    const text = values[field].trim();
    const n = Number(text);
    if (text === '') errors[field] = { code: 'required' };
    else if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) errors[field] = { code: 'whole_number' };
    else numbers[field] = n;
  }
  return Object.keys(errors).length > 0 ? { errors } : { settings: numbers };
}

function Form({ settings }: { settings: SessionSettings }) {
  const { t } = useTranslation();
  const update = useUpdateSessionSettings();
  const form = useForm<Values>({
    idleMinutes: String(settings.idleMinutes),
    portalIdleMinutes: String(settings.portalIdleMinutes),
    portalAbsoluteHours: String(settings.portalAbsoluteHours),
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    const parsed = parse(form.values);
    if ('errors' in parsed) {
      form.failFields(parsed.errors);
      return;
    }
    try {
      await update.mutateAsync(parsed.settings);
      notify(t('sessionSettings.saved'));
    } catch (error) {
      form.fail(error);
    }
  };

  const field = (name: keyof Values, hint: string) => (
    <TextField
      label={t(`sessionSettings.${name}`)}
      inputMode="numeric"
      value={form.values[name]}
      onValueChange={(v) => form.set(name, v)}
      error={form.fieldErrors[name]}
      hint={hint}
      maxLength={5}
      required
    />
  );

  return (
    <form className="form settings-section" onSubmit={onSubmit} noValidate aria-labelledby="session-settings-title">
      <h2 id="session-settings-title">{t('sessionSettings.title')}</h2>
      <ErrorAlert error={form.error} />
      <fieldset className="fieldset">
        <legend>{t('sessionSettings.staffTitle')}</legend>
        <p className="muted">{t('sessionSettings.intro')}</p>
        {field('idleMinutes', t('sessionSettings.idleHint'))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('sessionSettings.portalTitle')}</legend>
        <p className="muted">{t('sessionSettings.portalIntro')}</p>
        {field('portalIdleMinutes', t('sessionSettings.portalIdleHint'))}
        {field('portalAbsoluteHours', t('sessionSettings.portalAbsoluteHint'))}
      </fieldset>
      <SaveActions pending={update.isPending} />
    </form>
  );
}
