import { isCountryCode } from '../countries';
import { z } from 'zod';
import { channel } from '../contract';
import { Empty } from './common';

/** An http(s) URL with a host and without query or fragment: links append a path and their own query. */
export function isPortalUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !text.includes('?') && !text.includes('#');
}

/** A portal address as the CLI and the settings form accept it. */
export const PortalUrl = z.string().trim().max(200).refine(isPortalUrl, { params: { fieldError: { code: 'invalid_format' } } });

/** An IANA time zone name this runtime knows (Europe/Amsterdam), or UTC. */
export const TimeZone = z.string().refine((zone) => zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone), { params: { fieldError: { code: 'invalid_value' } } });

/** Lifetimes of the links a customer gets, and the portal address they point to. */
export const ActivationSettings = z.strictObject({
  /** Days an activation (link and letter code) stays valid. */
  activationDays: z.number().int().min(1).max(90),
  /** Hours a set-password link stays valid. */
  setPasswordHours: z.number().int().min(1).max(168),
  /** Who the mails and letters come from. */
  companyName: z.string().trim().min(1).max(120),
  /** The letterhead's address, one line per line (street, postal code and city, ...). */
  companyAddress: z.string().trim().max(300),
  /**
   * The sender's country (ISO 3166-1 alpha-2): letters to an address there carry no country
   * line (DIN 5008). Settings saved before it existed read as NL.
   */
  companyCountry: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code: string): boolean => isCountryCode(code), { params: { fieldError: { code: 'unknown_country' } } })
    .default('NL'),
  /** The customer portal's address; links are built from it, never from a request. '' while not set: no link can go out. */
  portalUrl: z.string().trim().max(200).refine((url) => url === '' || isPortalUrl(url), { params: { fieldError: { code: 'invalid_format' } } }),
  /** The company's IANA time zone in which mails and letters state expiry times; absent: the system's. */
  timeZone: TimeZone.optional(),
});
export type ActivationSettings = z.infer<typeof ActivationSettings>;

export const DEFAULT_ACTIVATION_SETTINGS: ActivationSettings = {
  activationDays: 14,
  setPasswordHours: 24,
  companyName: 'Portier',
  companyAddress: '',
  companyCountry: 'NL',
  // Unset: a placeholder such as localhost would send customers links that lead nowhere.
  portalUrl: '',
};

/** What earlier versions stored as the default portal address; it counts as not set. */
export const PLACEHOLDER_PORTAL_URL = 'http://localhost:8080/';

/** A letterhead logo file may hold at most this many bytes (512 KB). */
export const LOGO_MAX_BYTES = 512 * 1024;
/** Neither side of a logo may have more pixels than this: 45 mm at 600 dpi is about 1,060. */
export const LOGO_MAX_SIDE = 2500;
/** Nor may it have more pixels than this (4 megapixels): decoding it takes width × height × 4 bytes of memory. */
export const LOGO_MAX_PIXELS = 4_000_000;
const LOGO_MAX_BASE64 = Math.ceil(LOGO_MAX_BYTES / 3) * 4;

export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg'] as const;
/** The image formats a letterhead logo may have. */
export const LogoMimeType = z.enum(LOGO_MIME_TYPES);
export type LogoMimeType = z.infer<typeof LogoMimeType>;

/** The format a file's first bytes announce (PNG signature or JPEG SOI), whatever its name says. */
export function logoTypeOf(bytes: Uint8Array): LogoMimeType | null {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

/** A new letterhead logo: the file's bytes as base64; the core checks them, not the type given. */
export const SetLetterheadLogo = z.strictObject({
  mimeType: LogoMimeType,
  dataBase64: z
    .string()
    // Checked before the base64 format so a huge string is refused without scanning it, with the limit in KB.
    .refine((s) => s.length <= LOGO_MAX_BASE64, { abort: true, params: { fieldError: { code: 'file_too_large', max: LOGO_MAX_BYTES / 1024 } } })
    .pipe(z.base64()),
});
export type SetLetterheadLogo = z.infer<typeof SetLetterheadLogo>;

/** The stored letterhead logo as the settings screen shows it. */
export const LetterheadLogo = z.strictObject({
  mimeType: LogoMimeType,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
  /** `data:` URL of the image, for a preview. */
  dataUrl: z.string(),
});
export type LetterheadLogo = z.infer<typeof LetterheadLogo>;

/** The activation settings with the letterhead logo (null: letters carry none). */
export const ActivationSettingsView = ActivationSettings.extend({ logo: LetterheadLogo.nullable() });
export type ActivationSettingsView = z.infer<typeof ActivationSettingsView>;

export const activationSettingsApi = {
  'activation-settings:get': channel({ access: 'staff', input: Empty, output: ActivationSettingsView }),
  'activation-settings:update': channel({ access: 'admin', input: ActivationSettings, output: ActivationSettings, changes: ['settings', 'audit'] }),
  'activation-settings:set-logo': channel({ access: 'admin', input: SetLetterheadLogo, output: LetterheadLogo, changes: ['settings', 'audit'] }),
  'activation-settings:remove-logo': channel({ access: 'admin', input: Empty, output: z.null(), changes: ['settings', 'audit'] }),
} as const;
