import { z } from 'zod';
import { channel } from '../contract';
import { Empty } from './common';

/** How long a staff session may sit unused before it ends (minutes). */
export const SessionSettings = z.strictObject({ idleMinutes: z.number().int().min(5).max(7 * 24 * 60) });
export type SessionSettings = z.infer<typeof SessionSettings>;

/** Eight hours: a working day without signing in again. */
export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleMinutes: 8 * 60 };

export const sessionSettingsApi = {
  'session-settings:get': channel({ access: 'staff', input: Empty, output: SessionSettings }),
  'session-settings:update': channel({ access: 'admin', input: SessionSettings, output: SessionSettings, changes: ['settings', 'audit'] }),
} as const;
