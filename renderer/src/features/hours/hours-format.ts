import { MAX_CARD_MINUTES } from '../../../../shared/api/hours';
import type { AnyFieldError } from '../../i18n/error-messages';

/** The decimal mark of a UI language ("," in Dutch and German), as Intl writes it. */
export function decimalMark(language: string): string {
  return new Intl.NumberFormat(language).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/**
 * Hours typed in the UI's number format ("12,5" in nl/de, "12.5" in en) as whole minutes,
 * or the field's problem. Only the language's own decimal mark is read: "1.5" in German
 * could be a grouped 15, so it is refused rather than guessed.
 */
export function parseHours(typed: string, language: string): { minutes: number } | { error: AnyFieldError } {
  const text = typed.trim();
  if (text === '') return { error: { code: 'required' } };
  const mark = decimalMark(language);
  const escaped = mark === '.' ? '\\.' : mark;
  const match = new RegExp(`^(\\d{1,6})(?:${escaped}(\\d{1,4}))?$`).exec(text);
  if (!match) return { error: { code: 'hours_format' } };
  const minutes = Math.round(Number(`${match[1]}.${match[2] ?? '0'}`) * 60);
  if (minutes < 1) return { error: { code: 'too_small', min: 1 } };
  if (minutes > MAX_CARD_MINUTES) return { error: { code: 'too_big', max: MAX_CARD_MINUTES / 60 } };
  return { minutes };
}

const hourFormats = new Map<string, Intl.NumberFormat>();

/** Minutes as hours in the UI language: two decimals in the report ("12,50"), up to two on a card ("12,5"). */
export function formatHours(minutes: number, language: string, fixed = false): string {
  const key = `${language}:${fixed}`;
  let format = hourFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { minimumFractionDigits: fixed ? 2 : 0, maximumFractionDigits: 2 });
    hourFormats.set(key, format);
  }
  return format.format(minutes / 60);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A calendar day (YYYY-MM-DD) in the UI language; read as UTC so no time zone moves it to the day before. */
export function formatDay(day: string, language: string): string {
  let format = dayFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    dayFormats.set(language, format);
  }
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? day : format.format(date);
}

/** Today as a calendar day in the user's own time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
