import { z } from 'zod';
import { channel } from '../contract';
import { POLICY_MAX_LENGTH_CEILING } from './password-policy';
import { ById, Email, Id, Timestamp, UiLanguage, listQuery, page, requiredText } from './common';

export const STAFF_ROLES = ['administrator', 'staff'] as const;
/** Administrator: everything, incl. staff, settings and the audit log. Staff: day-to-day work. */
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * Staff passwords: the core holds them to the administrator's password policy (as for
 * customers); the schema only bounds the size. Never truncated (argon2id hashes the whole string).
 */
export const StaffPassword = z.string().min(1).max(POLICY_MAX_LENGTH_CEILING);

/** A staff user of the back-office, as the UI sees it (never the password hash). */
export const StaffMember = z.strictObject({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: StaffRole,
  mayGrantAccess: z.boolean(),
  active: z.boolean(),
  language: UiLanguage,
  lastSignInAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type StaffMember = z.infer<typeof StaffMember>;

const StaffFields = {
  name: requiredText(120),
  email: Email,
  role: StaffRole,
  mayGrantAccess: z.boolean(),
  language: UiLanguage.default('en'),
};

export const staffApi = {
  'staff:list': channel({
    access: 'admin',
    input: listQuery(['name', 'email', 'role', 'lastSignInAt'] as const),
    output: page(StaffMember),
  }),
  'staff:get': channel({ access: 'admin', input: ById, output: StaffMember }),
  'staff:create': channel({
    access: 'admin',
    input: z.strictObject({ ...StaffFields, password: StaffPassword }),
    output: StaffMember,
    changes: ['staff', 'audit'],
  }),
  /** Edit a staff user; a new password is optional; deactivating ends their sign-in. */
  'staff:update': channel({
    access: 'admin',
    input: z.strictObject({ id: Id, ...StaffFields, active: z.boolean(), password: StaffPassword.nullish() }),
    output: StaffMember,
    changes: ['staff', 'audit', 'session'],
  }),
  /** The signed-in user's own UI language. */
  'staff:set-my-language': channel({
    access: 'staff',
    input: z.strictObject({ language: UiLanguage }),
    output: StaffMember,
    changes: ['session', 'staff'],
  }),
} as const;
