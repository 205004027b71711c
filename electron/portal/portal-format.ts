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

/**
 * An hours report interval as the customer reads it, from its first and last day: a month by name
 * ("Januar 2026"), a day as a date, a week or a custom period as its first and last day.
 */
export function formatInterval(kind: 'day' | 'week' | 'month' | 'custom', from: string, to: string, language: UiLanguage): string {
  const day = (iso: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  if (kind === 'month') return day(from, { month: 'long', year: 'numeric' });
  if (kind === 'day' || from === to) return day(from, { dateStyle: 'medium' });
  return `${day(from, { dateStyle: 'medium' })} – ${day(to, { dateStyle: 'medium' })}`;
}
