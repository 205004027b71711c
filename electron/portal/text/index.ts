import type { UiLanguage } from '../../../shared/api/common';
import { commonText } from './common';
import { passwordText } from './passwords';
import { signInText } from './sign-in';
import { ticketsText } from './tickets';
import { hoursText } from './hours';
import { preferencesText } from './preferences';
import { twoStepText } from './two-step';

/**
 * Every text of the portal's pages, per language. Each area adds its own file and one line
 * here; a key missing in one language does not compile (see define.ts).
 */
const areas = [commonText, signInText, ticketsText, hoursText, preferencesText, passwordText, twoStepText];

type Area = (typeof areas)[number];
type KeysOf<A> = A extends { en: Record<infer K, string> } ? K : never;
export type PortalTextKey = KeysOf<Area>;

const TEXTS: Record<UiLanguage, Record<string, string>> = { en: {}, nl: {}, de: {} };
for (const area of areas) for (const language of ['en', 'nl', 'de'] as const) Object.assign(TEXTS[language], area[language]);

/** A text in the language, with {name} placeholders filled in (values are escaped by the template, not here). */
export function portalText(language: UiLanguage, key: PortalTextKey, params: Record<string, string | number> = {}): string {
  const template = TEXTS[language][key] ?? TEXTS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The keys of one language that another lacks (a test keeps the three languages complete). */
export function missingTexts(language: UiLanguage): string[] {
  return Object.keys(TEXTS.en).filter((key) => !(key in TEXTS[language]));
}
