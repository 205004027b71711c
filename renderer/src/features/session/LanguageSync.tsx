import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../../shared/api/common';
import { useDisplayLanguage } from './display-language-store';
import { useCurrentStaff, useSetupStatus } from './session-queries';

/**
 * Keeps i18next on the right language: the signed-in staff member's own, or before
 * sign-in the language picked on screen, else the application default.
 */
export function useEffectiveLanguage(): UiLanguage | null {
  const current = useCurrentStaff();
  const status = useSetupStatus();
  const override = useDisplayLanguage((s) => s.override);
  if (current.data) return current.data.language;
  return override ?? status.data?.defaultLanguage ?? null;
}

export function LanguageSync() {
  const { i18n, t } = useTranslation();
  const language = useEffectiveLanguage();
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.name');
  }, [i18n.language, t]);
  return null;
}
