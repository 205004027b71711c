import { z } from 'zod';
import { channel } from '../contract';
import { Empty } from './common';

/**
 * How long a staff session may sit unused before it ends (minutes); and the customer portal's
 * sessions: idle timeout (minutes) and absolute lifetime (hours), whatever the use.
 */
export const SessionSettings = z.strictObject({
  idleMinutes: z.number().int().min(5).max(7 * 24 * 60),
  portalIdleMinutes: z.number().int().min(5).max(24 * 60).default(30),
  portalAbsoluteHours: z.number().int().min(1).max(30 * 24).default(12),
});
export type SessionSettings = z.infer<typeof SessionSettings>;

/** Eight hours: a working day without signing in again; the portal: 30 minutes idle, 12 hours at most. */
export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleMinutes: 8 * 60, portalIdleMinutes: 30, portalAbsoluteHours: 12 };

export const sessionSettingsApi = {
  'session-settings:get': channel({ access: 'staff', input: Empty, output: SessionSettings }),
  'session-settings:update': channel({ access: 'admin', input: SessionSettings, output: SessionSettings, changes: ['settings', 'audit'] }),
} as const;
