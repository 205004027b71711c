import type { UiLanguage } from '../../../shared/api/common';

/** Region names by language: making a DisplayNames costs more than asking it, and a bulk run asks thousands of times. */
const regionNames = new Map<string, Intl.DisplayNames>();
function regionName(code: string, language: UiLanguage): string {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames(language, { type: 'region', fallback: 'code' });
    regionNames.set(language, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    // Not a region code at all (stored before codes were checked): print it as it is.
    return code;
  }
}

/** Who sends the letter: the country it is posted in and the language of that post office. */
export interface LetterSender {
  /** ISO 3166-1 alpha-2. */
  country: string;
  language: UiLanguage;
}

/**
 * The last line of a postal address (DIN 5008, UPU): the destination country's name in
 * capitals, in the sender's language, so the post office it is handed to can read it
 * ("DUITSLAND" from the Netherlands); none for a letter within the sender's own country.
 */
export function countryLine(recipientCountry: string | null | undefined, sender: LetterSender): string | null {
  const code = recipientCountry?.trim().toUpperCase();
  if (!code || code === sender.country.trim().toUpperCase()) return null;
  return regionName(code, sender.language).toLocaleUpperCase(sender.language);
}
