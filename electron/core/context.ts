import type { ChannelName, OutputOf, ParsedInputOf } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { AccountMails, ActivationLetters } from './activation/activation-ports';
import type { SessionSlot } from './auth/session';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import type { SecretBox } from './outbox/secret-box';

/** What every service needs: the database and the time, and the ports its use cases reach the outside through. */
export interface CoreDeps {
  db: Db;
  clock: Clock;
  /** Encrypts secrets at rest (queued mails' tokens, the SMTP password); safeStorage in the desktop app. */
  secretBox: SecretBox;
  /** The key activation codes are hashed under (a file of the data folder, never in the database). */
  codeKey: Buffer;
  /** The app's resources folder (fonts for letters). */
  resourcesDir: string;
  /** The template preview thread's script (the built template-thread.cjs); without it, its source under tsx. */
  templateThread?: string;
  /** Queues the mails a portal account gets (activation, set-password, password-changed, welcome); the outbox in every shell. */
  accountMails: AccountMails;
  /** Stores an issued activation's letter; as a document in every shell. */
  activationLetters: ActivationLetters;
}

/** The signed-in staff user a call is made for. */
export interface Actor {
  id: number;
  name: string;
  role: 'administrator' | 'staff';
  mayGrantAccess: boolean;
}

export interface HandlerContext {
  deps: CoreDeps;
  actor: Actor | null;
  session: SessionSlot;
}

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, ctx: HandlerContext) => Promise<OutputOf<C>>;
/** A domain's handlers, keyed by channel name so a grep for the name lands on its function. */
export type Handlers<K extends ChannelName> = { [C in K]: Handler<C> };

/** The signed-in actor; the dispatcher has already refused anonymous calls to non-public channels. */
export function actorOf(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return ctx.actor;
}
