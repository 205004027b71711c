import type { TFunction } from 'i18next';
import { UI_LANGUAGES } from '../../../shared/api/common';
import type { SelectOption } from './Field';

/** The UI languages, each named in its own language so a user can find theirs whatever is shown now. */
export function uiLanguageOptions(t: TFunction): SelectOption[] {
  return UI_LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }));
}

/** A contact's language: one of the UI languages, or "Application default". */
export function contactLanguageOptions(t: TFunction): SelectOption[] {
  return [{ value: 'default', label: t('languages.default') }, ...uiLanguageOptions(t)];
}
