import { COUNTRY_CODES } from '../../../shared/countries';
import type { SelectOption } from './Field';

/** Every ISO country, named in the UI language and sorted as that language sorts, after "none". */
export function countryOptions(language: string, noneLabel: string): SelectOption[] {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  const collator = new Intl.Collator(language);
  const countries = COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => collator.compare(a.label, b.label));
  return [{ value: '', label: noneLabel }, ...countries];
}
