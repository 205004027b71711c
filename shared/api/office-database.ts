import { z } from 'zod';
import { channel } from '../contract';
import { Empty, optionalText, requiredText } from './common';

/* Issue 13, point 1: "Connect to an office database" — which PostgreSQL database this desk works on. */

/** How the connection is encrypted, in libpq's words: never, when the server offers it, always, always with a verified certificate. */
export const SSL_MODES = ['disable', 'prefer', 'require', 'verify-full'] as const;
export const SslMode = z.enum(SSL_MODES);
export type SslMode = z.infer<typeof SslMode>;

const CONTROL_CHARACTER = /\p{Cc}/u;
const noControl = { message: 'No control characters.', params: { fieldError: { code: 'control_character' } } } as const;

/** A host name, an IPv4 address or an IPv6 address (brackets optional): no spaces, slashes or '@'. */
const HOST = /^(\[[0-9A-Fa-f:.%\w]+\]|[\w.:%-]+)$/;

/**
 * A database name as a postgres:// address can carry it: the node-postgres driver reads the
 * name with decodeURI, which leaves these reserved characters encoded, so they cannot be used.
 */
const DATABASE_NAME = /^[^;/?:@&=+$,#]+$/;

/** Where the office database is. The password travels only when typed; it is never answered. */
export const OfficeDatabaseAddress = z
  .strictObject({
    host: requiredText(253).refine((v) => HOST.test(v), { message: 'Not a host name or address.', params: { fieldError: { code: 'invalid_format' } } }),
    port: z.number().int().min(1).max(65_535),
    database: requiredText(63)
      .refine((v) => !CONTROL_CHARACTER.test(v), noControl)
      .refine((v) => DATABASE_NAME.test(v), { message: 'Not a database name a postgres:// address can carry.', params: { fieldError: { code: 'invalid_format' } } }),
    user: requiredText(63).refine((v) => !CONTROL_CHARACTER.test(v), noControl),
    /** Typed anew; left out (or empty), the remembered password is used while host, port, database and user stay the same. */
    password: z.string().max(1024).optional(),
    sslmode: SslMode,
    /** A CA certificate file (PEM) to verify the server with (verify-full only); without it, the system's trusted CAs. */
    caFile: optionalText(1024).refine((v) => v === null || !CONTROL_CHARACTER.test(v), noControl),
  })
  .refine((a) => a.caFile === null || a.sslmode === 'verify-full', {
    path: ['caFile'],
    message: 'A CA certificate is only used with verify-full.',
    params: { fieldError: { code: 'invalid_value' } },
  });
export type OfficeDatabaseAddress = z.input<typeof OfficeDatabaseAddress>;

/** An office database as shown: never its password, only whether one is known. */
export const OfficeDatabaseShown = z.strictObject({
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  user: z.string(),
  sslmode: SslMode,
  caFile: z.string().nullable(),
  passwordSet: z.boolean(),
});
export type OfficeDatabaseShown = z.infer<typeof OfficeDatabaseShown>;

/** Who decided which database this Portier runs on: nobody (this desk's SQLite), the remembered choice, or --database / PORTIER_DATABASE_URL at start. */
export const DatabaseChosenBy = z.enum(['default', 'remembered', 'command-line']);

/** Which database this Portier runs on, who chose it, and whether it can be changed here. */
export const OfficeDatabaseStatus = z.strictObject({
  current: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('sqlite') }),
    z.strictObject({ kind: z.literal('postgres'), address: OfficeDatabaseShown }),
  ]),
  chosenBy: DatabaseChosenBy,
  /** The remembered choice (it fills the form); null when this desk remembers none. */
  remembered: OfficeDatabaseShown.nullable(),
  /** False while the command line decided, and in a shell that cannot switch while it runs (the command line itself). */
  canSwitch: z.boolean(),
});
export type OfficeDatabaseStatus = z.infer<typeof OfficeDatabaseStatus>;

/**
 * Clocks this far apart are a problem for an office: each process judges the others' mail leases
 * and running jobs (silent for a minute: interrupted) by its own clock; half that minute.
 */
export const CLOCKS_APART_MS = 30_000;

/** What "Test connection" found: the server, whether the line is encrypted, Portier's schema there, and the server's clock. */
export const OfficeDatabaseTestResult = z.strictObject({
  /** PostgreSQL's server_version, e.g. "15.20 (Debian 15.20-0+deb12u1)". */
  serverVersion: z.string(),
  encrypted: z.boolean(),
  /** missing: no Portier there yet (it is created on "Use"); older: it is brought up to date on "Use"; newer: a newer Portier's, refused. */
  schema: z.enum(['missing', 'older', 'current', 'newer']),
  schemaVersion: z.number().int().nullable(),
  latestVersion: z.number().int(),
  /** How far the server's clock is ahead of this computer's (negative: behind), in ms. */
  clockOffsetMs: z.number(),
});
export type OfficeDatabaseTestResult = z.infer<typeof OfficeDatabaseTestResult>;

/**
 * Administrators choose the database; before anyone signs in, the desktop window may too (the
 * person at their own desk, who owns the data folder anyway). A browser-mode tab never may
 * without an administrator's sign-in: it could point the server at a database of its own or
 * probe the network (see the access level 'admin-or-desktop' in shared/contract.ts).
 */
export const officeDatabaseApi = {
  'office-database:get': channel({ access: 'admin-or-desktop', input: Empty, output: OfficeDatabaseStatus }),
  /** Connects once, changes nothing; a failure is a VALIDATION error next to the field it concerns. */
  'office-database:test': channel({ access: 'admin-or-desktop', input: OfficeDatabaseAddress, output: OfficeDatabaseTestResult }),
  /** Tests, remembers (the password sealed) and re-opens Portier on the database: everyone signs in again there. */
  'office-database:use': channel({ access: 'admin-or-desktop', input: OfficeDatabaseAddress, output: OfficeDatabaseStatus }),
  /** Forgets the remembered choice and re-opens Portier on this desk's own SQLite database. */
  'office-database:forget': channel({ access: 'admin-or-desktop', input: Empty, output: OfficeDatabaseStatus }),
} as const;
