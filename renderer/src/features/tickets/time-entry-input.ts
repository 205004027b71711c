import type { AnyFieldError } from '../../i18n/error-messages';
import { decimalMark } from '../hours/hours-format';

/** The most a single time entry may hold, as the contract says: one whole day. */
export const MAX_ENTRY_MINUTES = 1440;

/**
 * Time typed for a time entry as whole minutes: hours and minutes ("1:30") or hours in
 * the UI's number format ("1,5" in nl/de, "1.5" in en). As for hour cards, only the
 * language's own decimal mark is read; "1.5" in Dutch is refused rather than guessed.
 */
export function parseDuration(typed: string, language: string): { minutes: number } | { error: AnyFieldError } {
  const text = typed.trim();
  if (text === '') return { error: { code: 'required' } };
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(text);
  let minutes: number;
  if (clock) {
    minutes = Number(clock[1]) * 60 + Number(clock[2]);
  } else {
    const mark = decimalMark(language);
    const escaped = mark === '.' ? '\\.' : mark;
    const decimal = new RegExp(`^(\\d{1,2})(?:${escaped}(\\d{1,4}))?$`).exec(text);
    if (!decimal) return { error: { code: 'invalid_format' } };
    minutes = Math.round(Number(`${decimal[1]}.${decimal[2] ?? '0'}`) * 60);
  }
  if (minutes < 1) return { error: { code: 'too_small', min: 1 } };
  if (minutes > MAX_ENTRY_MINUTES) return { error: { code: 'too_big', max: MAX_ENTRY_MINUTES / 60 } };
  return { minutes };
}

/** Minutes as hours and minutes, "1:30", the way staff type them back. */
export function formatDuration(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
