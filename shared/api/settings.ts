import { z } from 'zod';
import { channel } from '../contract';
import { Empty, UiLanguage } from './common';

/** Application-wide settings an administrator changes. */
export const Settings = z.strictObject({ defaultLanguage: UiLanguage });
export type Settings = z.infer<typeof Settings>;

export const settingsApi = {
  'settings:get': channel({ access: 'staff', input: Empty, output: Settings }),
  'settings:update': channel({ access: 'admin', input: Settings, output: Settings, changes: ['settings', 'audit'] }),
} as const;
