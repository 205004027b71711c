import { z } from 'zod';
import { channel, type ChannelInput, type ChannelOutput } from '../contract';
import { Empty, Id, Timestamp } from './common';
import { contract } from './index';

/**
 * Channels only the command line offers (its own contract, beside the back office's): what
 * an administrator's automation needs and no screen does. Neither the desktop window nor a
 * browser tab can reach them; the back office's dispatcher answers UNKNOWN_CHANNEL.
 */
export const commandLineApi = {
  /** The accounts with these usernames (any case), in the order asked; null where there is none. */
  'portal-accounts:find-by-username': channel({
    access: 'staff',
    input: z.strictObject({ usernames: z.array(z.string().max(1024)).min(1).max(500) }),
    output: z.array(z.strictObject({ id: Id, username: z.string() }).nullable()),
  }),
  /**
   * The customer's side of an activation (the portal's activation page), for trying the whole
   * loop without a browser: the mailed token, the letter code and a new password. Any bad
   * token or code answers INVALID_TOKEN alike; the welcome mail is queued.
   */
  'portal-accounts:complete-activation': channel({
    access: 'admin',
    input: z.strictObject({ token: z.string().max(4096), code: z.string().max(200), password: z.string().min(1).max(1024) }),
    output: z.strictObject({ id: Id, username: z.string() }),
    changes: ['portal-accounts', 'outbox', 'audit'],
  }),
  /**
   * seed-demo's invited, expired and activated accounts, until the demo can run the real
   * activation loop: the dates are written as given, "sent by" the caller. Only accounts
   * without any activation history are touched; the answer says how many were.
   */
  'portal-accounts:set-demo-activation-states': channel({
    access: 'admin',
    input: z.strictObject({
      states: z
        .array(
          z.strictObject({
            id: Id,
            sentAt: Timestamp,
            expiresAt: Timestamp,
            activatedAt: Timestamp.nullable(),
            lastSignInAt: Timestamp.nullable(),
          }),
        )
        .min(1)
        .max(1000),
    }),
    output: z.strictObject({ updated: z.number().int() }),
    changes: ['portal-accounts'],
  }),
  /** The activation letters still to be posted: the newest letter of every active account whose invitation is open. */
  'documents:pending-letters': channel({
    access: 'grant',
    input: Empty,
    output: z.strictObject({ ids: z.array(Id) }),
  }),
} as const;

/** The command line's contract: the back office's channels and its own. */
export const commandLineContract = { ...contract, ...commandLineApi } as const;

export type CommandLineContract = typeof commandLineContract;
export type CommandLineChannelName = keyof CommandLineContract;
export type CommandLineInputOf<C extends CommandLineChannelName> = ChannelInput<CommandLineContract, C>;
export type CommandLineOutputOf<C extends CommandLineChannelName> = ChannelOutput<CommandLineContract, C>;
