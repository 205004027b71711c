import type { UiLanguage } from '../../../shared/api/common';

/** Per language and zone: the formats, and the last expiry worded (a bulk activation's mails and letters all share one). */
const expiryFormats = new Map<string, { when: Intl.DateTimeFormat; zone: Intl.DateTimeFormat; last?: { iso: string; text: string } }>();

/**
 * "18 december 2026 om 14:30 (Midden-Europese standaardtijd)": the expiry in the company's
 * time zone, worded for the recipient's language, with the zone named so a customer
 * elsewhere can tell (dateStyle cannot be combined with a zone name, hence the parts).
 * Mails, letters and the template preview all state expiries this way.
 */
export function formatExpiry(iso: string, language: UiLanguage, timeZone: string): string {
  const key = `${language}|${timeZone}`;
  let format = expiryFormats.get(key);
  if (!format) {
    format = {
      when: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone }),
      zone: new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'long' }),
    };
    expiryFormats.set(key, format);
  }
  if (format.last?.iso === iso) return format.last.text;
  const date = new Date(iso);
  const zoneName = format.zone.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  const text = `${format.when.format(date)} (${zoneName})`;
  format.last = { iso, text };
  return text;
}
