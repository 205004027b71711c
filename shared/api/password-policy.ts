import { z } from 'zod';
import { channel } from '../contract';
import { Empty } from './common';

/** Hard bounds: at least 64 characters must always be accepted (NIST 800-63B), and nothing is truncated. */
export const POLICY_MAX_LENGTH_FLOOR = 64;
export const POLICY_MAX_LENGTH_CEILING = 1024;

/** The rules a portal account's password must meet; one evaluation serves live feedback and the core. */
export const PasswordPolicy = z
  .strictObject({
    minLength: z.number().int().min(6).max(128),
    maxLength: z.number().int().min(POLICY_MAX_LENGTH_FLOOR).max(POLICY_MAX_LENGTH_CEILING),
    requireUpper: z.boolean(),
    requireLower: z.boolean(),
    requireDigit: z.boolean(),
    requireSymbol: z.boolean(),
    /** Refuse passwords from the bundled list of common passwords. */
    blockCommon: z.boolean(),
    /** Refuse passwords that contain the username, the email's local part or the organisation's name. */
    blockContext: z.boolean(),
  })
  .refine((p) => p.maxLength >= p.minLength, { path: ['maxLength'], message: 'maxLength below minLength' });
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

/** What the customers asked for: 8+ characters, an upper-case letter and a digit. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  requireUpper: true,
  requireLower: false,
  requireDigit: true,
  requireSymbol: false,
  blockCommon: true,
  blockContext: true,
};

/** NIST SP 800-63B: length over composition; 15+ characters for single-factor passwords. */
export const NIST_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 15,
  maxLength: 128,
  requireUpper: false,
  requireLower: false,
  requireDigit: false,
  requireSymbol: false,
  blockCommon: true,
  blockContext: true,
};

export const passwordPolicyApi = {
  /** Public: the first-start screen shows it before any staff user exists, and customers see it in the portal anyway. */
  'password-policy:get': channel({ access: 'public', input: Empty, output: PasswordPolicy }),
  'password-policy:update': channel({ access: 'admin', input: PasswordPolicy, output: PasswordPolicy, changes: ['settings', 'audit'] }),
} as const;
