import { isCountryCode } from '../../../../shared/countries';
import { ActivationSettings, isPortalUrl } from '../../../../shared/api/activation-settings';
import type { AnyFieldError } from '../../i18n/error-messages';

/** The activation settings as the form holds them: numbers as typed, so a half-typed one is never lost. */
export interface ActivationFormValues {
  activationDays: string;
  setPasswordHours: string;
  companyName: string;
  companyAddress: string;
  companyCountry: string;
  portalUrl: string;
  /** '' for the system's time zone. */
  timeZone: string;
}

export const activationToForm = (s: ActivationSettings): ActivationFormValues => ({
  activationDays: String(s.activationDays),
  setPasswordHours: String(s.setPasswordHours),
  companyName: s.companyName,
  companyAddress: s.companyAddress,
  companyCountry: s.companyCountry,
  portalUrl: s.portalUrl,
  timeZone: s.timeZone ?? '',
});

const BOUNDS = { activationDays: { min: 1, max: 90 }, setPasswordHours: { min: 1, max: 168 } } as const;

function wholeNumber(field: keyof typeof BOUNDS, typed: string, errors: Record<string, AnyFieldError>): number {
  const text = typed.trim();
  const { min, max } = BOUNDS[field];
  if (text === '') errors[field] = { code: 'required' };
  else if (!/^\d{1,4}$/.test(text)) errors[field] = { code: 'invalid_type' };
  else if (Number(text) < min) errors[field] = { code: 'too_small', min };
  else if (Number(text) > max) errors[field] = { code: 'too_big', max };
  return Number(text);
}

/** Checks the form with the contract's bounds before sending; the portal address must be an http(s) URL. */
export function formToActivation(v: ActivationFormValues): { settings: ActivationSettings } | { errors: Record<string, AnyFieldError> } {
  const errors: Record<string, AnyFieldError> = {};
  const activationDays = wholeNumber('activationDays', v.activationDays, errors);
  const setPasswordHours = wholeNumber('setPasswordHours', v.setPasswordHours, errors);
  if (v.companyName.trim() === '') errors.companyName = { code: 'required' };
  else if (v.companyName.trim().length > 120) errors.companyName = { code: 'too_long', max: 120 };
  if (v.portalUrl.trim() === '') errors.portalUrl = { code: 'required' };
  else if (!isPortalUrl(v.portalUrl.trim())) errors.portalUrl = { code: 'invalid_format' };
  if (Object.keys(errors).length > 0) return { errors };
  if (v.companyAddress.trim().length > 300) errors.companyAddress = { code: 'too_long', max: 300 };
  if (v.companyCountry === '') errors.companyCountry = { code: 'required' };
  else if (!isCountryCode(v.companyCountry)) errors.companyCountry = { code: 'unknown_country' };
  if (Object.keys(errors).length > 0) return { errors };
  const timeZone = v.timeZone === '' ? {} : { timeZone: v.timeZone };
  const parsed = ActivationSettings.safeParse({ activationDays, setPasswordHours, companyName: v.companyName, companyAddress: v.companyAddress, companyCountry: v.companyCountry, portalUrl: v.portalUrl, ...timeZone });
  if (!parsed.success) return { errors: { [String(parsed.error.issues[0]?.path[0] ?? 'portalUrl')]: { code: 'invalid_value' } } };
  return { settings: parsed.data };
}
