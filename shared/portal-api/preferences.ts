import { z } from 'zod';
import { ContactLanguage } from '../api/common';
import { channel } from '../contract';

/** What the customer sets on My account: the portal's language (or the default) and the status-change mails. */
export const PortalPreferences = z.strictObject({
  language: ContactLanguage,
  /** Mails when a ticket the account follows changes status. */
  notifyStatusChanges: z.boolean(),
});
export type PortalPreferences = z.infer<typeof PortalPreferences>;

export const portalPreferencesApi = {
  'portal-preferences:get': channel({ access: 'portal', input: z.strictObject({}), output: PortalPreferences }),
  /** Audited on the account, with the portal account as actor. */
  'portal-preferences:update': channel({ access: 'portal', input: PortalPreferences, output: PortalPreferences, changes: ['portal-accounts', 'audit'] }),
} as const;
