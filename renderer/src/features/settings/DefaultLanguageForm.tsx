import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UiLanguage } from '../../../../shared/api/common';
import type { Settings } from '../../../../shared/api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { uiLanguageOptions } from '../../components/language-options';
import { notify } from '../../components/notification-store';
import { useForm } from '../../components/use-form';
import { useSettings, useUpdateSettings } from './settings-queries';
import { SaveActions } from '../../components/SaveActions';

/** The application's default language (administrators): used before sign-in and for contacts set to "default". */
export function DefaultLanguageForm() {
  const settings = useSettings();
  return (
    <>
      <ErrorAlert error={settings.error} />
      {settings.data ? <Form key={settings.data.defaultLanguage} settings={settings.data} /> : null}
    </>
  );
}

function Form({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  const form = useForm({ defaultLanguage: settings.defaultLanguage });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    try {
      await update.mutateAsync({ defaultLanguage: form.values.defaultLanguage });
      notify(t('settings.saved'));
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <form className="form form--section" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={form.error} />
      <SelectField
        label={t('fields.defaultLanguage')}
        value={form.values.defaultLanguage}
        options={uiLanguageOptions(t)}
        onValueChange={(v) => form.set('defaultLanguage', UiLanguage.catch('en').parse(v))}
        error={form.fieldErrors.defaultLanguage}
      />
      <SaveActions pending={update.isPending} />
    </form>
  );
}
