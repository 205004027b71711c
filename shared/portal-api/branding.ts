import { z } from 'zod';
import { Empty, UiLanguage } from '../api/common';
import { channel } from '../contract';

/** What every portal page shows of the company: its name, the portal's default language, whether there is a logo. */
export const PortalBranding = z.strictObject({
  companyName: z.string(),
  defaultLanguage: UiLanguage,
  logo: z.strictObject({ mimeType: z.string(), width: z.number().int(), height: z.number().int() }).nullable(),
  /** The company's time zone (IANA name): pages state times in it. */
  timeZone: z.string(),
});
export type PortalBranding = z.infer<typeof PortalBranding>;

export const portalBrandingApi = {
  'portal-branding:get': channel({ access: 'portal-public', input: Empty, output: PortalBranding }),
  /** The letterhead logo's bytes (base64) for the page header, or null. */
  'portal-branding:logo': channel({ access: 'portal-public', input: Empty, output: z.strictObject({ mimeType: z.string(), dataBase64: z.string() }).nullable() }),
} as const;
