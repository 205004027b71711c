import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UiLanguage } from '../../../../shared/api/common';
import type { StaffMember } from '../../../../shared/api/staff';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { uiLanguageOptions } from '../../components/language-options';
import { notify } from '../../components/notification-store';
import { useForm } from '../../components/use-form';
import { useSetMyLanguage } from '../session/session-queries';
import { useSettings, useUpdateSettings } from './settings-queries';

/**
 * One form with one Save: the user's own language and, for administrators, the
 * default language. Only what changed is sent; the UI switches language once saved.
 */
export function SettingsScreen({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const isAdmin = me.role === 'administrator';
  const settings = useSettings();
  const setMyLanguage = useSetMyLanguage();
  const updateSettings = useUpdateSettings();
  const form = useForm({ myLanguage: me.language, defaultLanguage: null as UiLanguage | null });
  const { values, set, fieldErrors } = form;
  const [saving, setSaving] = useState(false);
  const defaultLanguage = values.defaultLanguage ?? settings.data?.defaultLanguage ?? 'en';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    setSaving(true);
    try {
      if (isAdmin && settings.data && defaultLanguage !== settings.data.defaultLanguage) {
        await updateSettings.mutateAsync({ defaultLanguage });
      }
      if (values.myLanguage !== me.language) await setMyLanguage.mutateAsync({ language: values.myLanguage });
      // Said after the switch, so the confirmation is in the language just chosen.
      notify(t('settings.saved', { lng: values.myLanguage }));
    } catch (error) {
      form.fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="screen">
      <header className="screen__header">
        <h1>{t('settings.title')}</h1>
      </header>
      <p className="muted">{t('settings.intro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={form.error ?? settings.error} />
        <SelectField
          label={t('fields.myLanguage')}
          value={values.myLanguage}
          options={uiLanguageOptions(t)}
          onValueChange={(v) => set('myLanguage', UiLanguage.catch(me.language).parse(v))}
          error={fieldErrors.language}
        />
        {isAdmin ? (
          <SelectField
            label={t('fields.defaultLanguage')}
            value={defaultLanguage}
            options={uiLanguageOptions(t)}
            onValueChange={(v) => set('defaultLanguage', UiLanguage.catch('en').parse(v))}
            error={fieldErrors.defaultLanguage}
            disabled={!settings.data}
          />
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
