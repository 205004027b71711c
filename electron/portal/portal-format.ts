import type { UiLanguage } from '../../shared/api/common';

const formats = new Map<string, Intl.DateTimeFormat>();

/** A stored time as the customer reads it: in their language, in the company's time zone (a date alone, or with the time). */
export function formatWhen(iso: string, language: UiLanguage, timeZone: string, withTime = true): string {
  const key = `${language}|${timeZone}|${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, withTime ? { dateStyle: 'medium', timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeZone });
    formats.set(key, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}

/** Minutes as hours with two decimals, in the customer's language (1.5 / 1,50). */
export function formatHours(minutes: number, language: UiLanguage): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minutes / 60);
}
