import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/api/common';
import { de } from './locales/de';
import { en } from './locales/en';
import { nl } from './locales/nl';

export const resources = { en: { translation: en }, nl: { translation: nl }, de: { translation: de } } as const;

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** A fresh i18next instance with every language bundled (no lazy loading: the app runs offline). */
export function createI18n(language: UiLanguage = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    // React escapes text itself; escaping here too would show &amp; in names like "Smit & Zn".
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
