import { z } from 'zod';
import { channel } from '../contract';
import { BUILT_IN_ROLE_GROUP_KEYS, PERMISSION_KEYS } from '../permissions';
import { ById, Empty, Id, Timestamp, optionalText, requiredText } from './common';

export const PermissionKeySchema = z.enum(PERMISSION_KEYS);

/** A named set of permissions; an account's rights are the union of its groups'. */
export const RoleGroup = z.strictObject({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  /** Created by a migration (Standard, Client, Client participant, Partner); may be edited, not deleted while in use. */
  builtIn: z.boolean(),
  /** Which built-in group this is, whatever it is called now; null for groups administrators made. */
  builtInKey: z.enum(BUILT_IN_ROLE_GROUP_KEYS).nullable(),
  permissions: z.array(PermissionKeySchema),
  /** Members must sign in to the portal with two steps (an account without a method sets one up first). */
  requiresTwoStep: z.boolean(),
  accountCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type RoleGroup = z.infer<typeof RoleGroup>;

const RoleGroupFields = {
  name: requiredText(80),
  description: optionalText(500),
  /** Staff-only permissions are refused (FORBIDDEN with a field error on `permissions`). */
  permissions: z.array(PermissionKeySchema).max(PERMISSION_KEYS.length),
  /** Left out: off for a new group, unchanged for an existing one. */
  requiresTwoStep: z.boolean().optional(),
};

export const roleGroupsApi = {
  'role-groups:list': channel({ access: 'staff', input: Empty, output: z.array(RoleGroup) }),
  'role-groups:get': channel({ access: 'staff', input: ById, output: RoleGroup }),
  'role-groups:create': channel({ access: 'admin', input: z.strictObject(RoleGroupFields), output: RoleGroup, changes: ['role-groups', 'audit'] }),
  'role-groups:update': channel({
    access: 'admin',
    input: z.strictObject({ id: Id, ...RoleGroupFields }),
    output: RoleGroup,
    changes: ['role-groups', 'portal-accounts', 'audit'],
  }),
  /** Refused with IN_USE while accounts are in the group, unless they are moved to `moveAccountsTo` in the same step. */
  'role-groups:delete': channel({
    access: 'admin',
    input: z.strictObject({ id: Id, moveAccountsTo: Id.nullish() }),
    output: z.null(),
    changes: ['role-groups', 'portal-accounts', 'audit'],
  }),
} as const;
