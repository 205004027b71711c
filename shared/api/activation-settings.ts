import { z } from 'zod';
import { channel } from '../contract';
import { Empty } from './common';

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
  /** The customer portal's address; links are built from it, never from a request. */
  portalUrl: z
    .string()
    .trim()
    .max(200)
    .pipe(z.url({ protocol: /^https?$/ })),
});
export type ActivationSettings = z.infer<typeof ActivationSettings>;

export const DEFAULT_ACTIVATION_SETTINGS: ActivationSettings = {
  activationDays: 14,
  setPasswordHours: 24,
  companyName: 'Portier',
  companyAddress: '',
  portalUrl: 'http://localhost:8080/',
};

export const activationSettingsApi = {
  'activation-settings:get': channel({ access: 'staff', input: Empty, output: ActivationSettings }),
  'activation-settings:update': channel({ access: 'admin', input: ActivationSettings, output: ActivationSettings, changes: ['settings', 'audit'] }),
} as const;
