import { useTranslation } from 'react-i18next';

/** Date, time and number formatting for one UI language. */
export interface Format {
  /** An ISO timestamp from the core, shown in the user's time zone. */
  dateTime: (iso: string) => string;
  number: (value: number) => string;
}

/*
 * Building an Intl formatter costs far more than using one (a list cell that built its own
 * took a quarter of the main thread while scrolling), so there is one per language for the
 * whole renderer, and the same object every time: components that take it as a prop stay memoised.
 */
const formats = new Map<string, Format>();

export function formatFor(language: string): Format {
  const known = formats.get(language);
  if (known) return known;
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(language);
  const format: Format = {
    dateTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
    },
    number: (value) => number.format(value),
  };
  formats.set(language, format);
  return format;
}

/** The formatting of the current UI language; a new object only when the language changes. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  return formatFor(i18n.language);
}
