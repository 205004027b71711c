import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field';
import { uiLanguageOptions } from '../../components/language-options';
import { isUiLanguage } from '../../i18n/i18n';
import { useDisplayLanguage } from './display-language-store';

/** The frame of the screens before sign-in: a centred card and a language picker for the display only. */
export function AuthLayout({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const setOverride = useDisplayLanguage((s) => s.setOverride);
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand brand--large" aria-hidden="true">
          {t('app.name')}
        </p>
        <h1>{title}</h1>
        <p className="muted">{intro}</p>
        {children}
        <SelectField
          className="auth-language"
          label={t('fields.language')}
          hint={t('hints.displayLanguage')}
          value={i18n.language}
          options={uiLanguageOptions(t)}
          onValueChange={(value) => {
            if (isUiLanguage(value)) setOverride(value);
          }}
        />
      </div>
    </main>
  );
}
