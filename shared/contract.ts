import type { z } from 'zod';

/**
 * Who may call a back-office channel, as a level the core's `mayCall` checks against the
 * calling principal before the input is even parsed:
 * public = anyone not signed in and any staff user (sign-in, first set-up); staff = any
 * signed-in staff user; grant = administrators and staff flagged "may grant portal access"
 * (creating accounts, changing their groups, links or active flag); admin = administrators only;
 * admin-or-desktop = administrators, and before anyone signs in the desktop window itself (the
 * person at their own desk, who owns the data folder: choosing the office database), never an
 * anonymous browser-mode tab.
 * A portal account, or staff viewing as a contact, may call none of these.
 * The portal's channels (shared/portal-api) have levels of their own: portal-public = anyone
 * not signed in and any signed-in portal account (sign-in, activation, forgot password);
 * portal = a signed-in portal account. No staff principal may call a portal level.
 */
export type Access = 'public' | 'staff' | 'grant' | 'admin' | 'admin-or-desktop' | 'portal-public' | 'portal';

/** One channel of the contract: who may call it and the shape of its input and output. */
export interface Channel<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  input: I;
  output: O;
  /** Tables this channel changes; the renderer invalidates queries of these domains after it. */
  changes?: readonly Domain[];
}

/** A shell's contract: its channels by name (the back office's, the command line's, the portal's). */
export type ChannelMap = Readonly<Record<string, Channel>>;

/** What the caller sends on channel C of contract Api (before defaults and transforms). */
export type ChannelInput<Api extends ChannelMap, C extends keyof Api> = z.input<Api[C]['input']>;
/** What the handler of channel C of contract Api receives (after validation). */
export type ChannelParsedInput<Api extends ChannelMap, C extends keyof Api> = z.output<Api[C]['input']>;
/** What channel C of contract Api answers. */
export type ChannelOutput<Api extends ChannelMap, C extends keyof Api> = z.output<Api[C]['output']>;

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
  | 'mail-templates'
  | 'projects'
  | 'tickets'
  | 'hours'
  | 'ticket-rights';

export function channel<I extends z.ZodType, O extends z.ZodType>(def: Channel<I, O>): Channel<I, O> {
  return def;
}

/** Whether NAME is a channel of this contract (an own key: never `__proto__` or `toString`). */
export function isChannelOf<Api extends ChannelMap>(api: Api, name: unknown): name is keyof Api & string {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}
