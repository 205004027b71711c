import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSettings } from '../../../../shared/api/session-settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { SaveActions } from '../../components/SaveActions';
import { useForm } from '../../components/use-form';
import { useSessionSettings, useUpdateSessionSettings } from './session-settings-queries';

/** The idle timeout of staff sessions (administrators only). */
export function SessionSettingsSection() {
  const settings = useSessionSettings();
  return (
    <>
      <ErrorAlert error={settings.error} />
      {settings.data ? <Form key={settings.data.idleMinutes} settings={settings.data} /> : null}
    </>
  );
}

function Form({ settings }: { settings: SessionSettings }) {
  const { t } = useTranslation();
  const update = useUpdateSessionSettings();
  const form = useForm({ idleMinutes: String(settings.idleMinutes) });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    const idleMinutes = Number(form.values.idleMinutes.trim());
    if (!Number.isInteger(idleMinutes)) {
      form.failFields({ idleMinutes: { code: 'invalid_type' } });
      return;
    }
    try {
      await update.mutateAsync({ ...settings, idleMinutes });
      notify(t('sessionSettings.saved'));
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <form className="form settings-section" onSubmit={onSubmit} noValidate aria-labelledby="session-settings-title">
      <h2 id="session-settings-title">{t('sessionSettings.title')}</h2>
      <p className="muted">{t('sessionSettings.intro')}</p>
      <ErrorAlert error={form.error} />
      <TextField
        label={t('sessionSettings.idleMinutes')}
        inputMode="numeric"
        value={form.values.idleMinutes}
        onValueChange={(v) => form.set('idleMinutes', v)}
        error={form.fieldErrors.idleMinutes}
        hint={t('sessionSettings.idleHint')}
        maxLength={5}
        required
      />
      <SaveActions pending={update.isPending} />
    </form>
  );
}
