import type { z } from 'zod';

/**
 * Who may call a channel. The core checks it before the handler runs:
 * public = anyone (sign-in, first set-up); staff = any signed-in staff user;
 * grant = administrators and staff flagged "may grant portal access" (creating
 * accounts, changing their groups, links or active flag); admin = administrators only.
 */
export type Access = 'public' | 'staff' | 'grant' | 'admin';

/** One channel of the contract: who may call it and the shape of its input and output. */
export interface Channel<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  input: I;
  output: O;
  /** Tables this channel changes; the renderer invalidates queries of these domains after it. */
  changes?: readonly Domain[];
}

/** Data domains a query belongs to, for cache invalidation in the renderer. */
export type Domain =
  | 'session'
  | 'staff'
  | 'organisations'
  | 'persons'
  | 'audit'
  | 'settings'
  | 'role-groups'
  | 'portal-accounts'
  | 'preferences'
  | 'outbox'
  | 'documents'
  | 'mail-templates';

export function channel<I extends z.ZodType, O extends z.ZodType>(def: Channel<I, O>): Channel<I, O> {
  return def;
}
