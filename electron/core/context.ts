import type { ChannelName, Contract } from '../../shared/api';
import type { ChannelMap, ChannelOutput, ChannelParsedInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { AccountMails, ActivationLetters } from './activation/activation-ports';
import type { SessionSlot } from './auth/session';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import type { SecretBox } from './outbox/secret-box';
import type { OfficeDatabasePort } from './office-database/office-database-port';
import type { Principal, StaffPrincipal } from './principal';

/** What every service needs: the database and the time, and the ports its use cases reach the outside through. */
export interface CoreDeps {
  db: Db;
  clock: Clock;
  /** Encrypts secrets at rest (queued mails' tokens, the SMTP password); safeStorage in the desktop app; the office's key on PostgreSQL. */
  secretBox: SecretBox;
  /** The key activation codes are hashed under: a file of the data folder on SQLite, the office's key on PostgreSQL (office-keys/). */
  codeKey: Buffer;
  /** The app's resources folder (fonts for letters). */
  resourcesDir: string;
  /** The template preview thread's script (the built template-thread.cjs); without it, its source under tsx. */
  templateThread?: string;
  /** Queues the mails a portal account gets (activation, set-password, password-changed, welcome); the outbox in every shell. */
  accountMails: AccountMails;
  /** Stores an issued activation's letter; as a document in every shell. */
  activationLetters: ActivationLetters;
  /** Which database this core runs on, and how the connect screen chooses another (issue 13). */
  officeDatabase?: OfficeDatabasePort;
}

/** The staff user a call is made for, as services see it (who did it, for the audit log and "sent by"). */
export interface Actor {
  id: number;
  name: string;
  role: 'administrator' | 'staff';
  mayGrantAccess: boolean;
}

export interface HandlerContext {
  deps: CoreDeps;
  /** Who is calling; null when nobody is signed in (public channels only). */
  principal: Principal | null;
  /** The caller's sign-in, which the session channels start and end. */
  session: SessionSlot;
}

/** The handler of one channel of contract Api. */
export type ContractHandler<Api extends ChannelMap, C extends keyof Api> = (input: ChannelParsedInput<Api, C>, ctx: HandlerContext) => Promise<ChannelOutput<Api, C>>;
/** A handler for every channel of contract Api, and for nothing else (see createDispatcher). */
export type HandlersOf<Api extends ChannelMap> = { [C in keyof Api]: ContractHandler<Api, C> };

/** The handler of a back-office channel. */
export type Handler<C extends ChannelName> = ContractHandler<Contract, C>;
/** A domain's back-office handlers, keyed by channel name so a grep for the name lands on its function. */
export type Handlers<K extends ChannelName> = { [C in K]: Handler<C> };

const asActor = (staff: StaffPrincipal): Actor => ({ id: staff.staffId, name: staff.name, role: staff.role, mayGrantAccess: staff.mayGrantAccess });

/**
 * The signed-in staff user the call acts for. The dispatcher has already refused anonymous
 * callers on non-public channels, and portal accounts and staff viewing as a contact on every
 * back-office channel; this refuses them again for a handler reached some other way.
 */
export function actorOf(ctx: HandlerContext): Actor {
  const staff = signedInStaff(ctx);
  if (!staff) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return staff;
}

/** The staff user acting, or null when nobody is signed in (public channels such as session:current). */
export function signedInStaff(ctx: HandlerContext): Actor | null {
  const { principal } = ctx;
  if (principal === null) return null;
  if (principal.kind !== 'staff') throw new AppError('FORBIDDEN', 'Only staff may do this.');
  return asActor(principal);
}
