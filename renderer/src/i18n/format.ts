import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Date, time and number formatting for the current UI language; recomputed when the language changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(language);
    return {
      /** An ISO timestamp from the core, shown in the user's time zone. */
      dateTime: (iso: string) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
      },
      number: (value: number) => number.format(value),
    };
  }, [language]);
}
