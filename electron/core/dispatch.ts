import type { CallNature } from '../../shared/bridge';
import { isChannelOf, type ChannelMap } from '../../shared/contract';
import { AppError, isAppError, type ErrorPayload } from '../../shared/errors';
import type { Result } from '../../shared/result';
import { withAuditOrigin } from './audit/audit-origin';
import { mapDriverError } from './db/dialect/of-database';
import type { SessionSlot } from './auth/session';
import type { CoreDeps, HandlerContext, HandlersOf } from './context';
import { auditOriginOf, mayCall, type Principal } from './principal';
import { parseInput } from './validation';

/** Something a transport wants to hear about errors it cannot show (logs). */
export type ErrorSink = (channel: string, error: unknown) => void;

/** How a call came (shared/bridge.ts): the shells pass it to the dispatcher. */
export type { CallNature };

/** Who is calling, from what the shell keeps for the caller (a window's or tab's sign-in; the command line's staff user). */
export type ResolvePrincipal = (deps: CoreDeps, session: SessionSlot, nature: CallNature) => Promise<Principal | null>;

/** One call into the core through a shell's dispatcher; every failure comes back as data. */
export type Dispatch = (deps: CoreDeps, session: SessionSlot, channelName: unknown, input: unknown, onError?: ErrorSink, nature?: CallNature) => Promise<Result<unknown>>;

/** Keys of H that are no channel of Api: typed `never`, so a handler for another shell's channel does not compile. */
type OnlyChannelsOf<Api extends ChannelMap, H> = { [K in Exclude<keyof H, keyof Api>]: never };

export interface DispatcherOptions<Api extends ChannelMap, H extends HandlersOf<Api>> {
  /** The shell's contract: the channels it serves, each with who may call it. Any other name is UNKNOWN_CHANNEL. */
  contract: Api;
  /** Exactly one handler per channel of that contract. */
  handlers: H & OnlyChannelsOf<Api, H>;
  resolvePrincipal: ResolvePrincipal;
}

/**
 * Builds a shell's one way into the core (the back office's for IPC and the HTTP bridge, the
 * command line's, later the portal's): channel check against the shell's own contract, the
 * calling principal, its access to the channel (before the input is even parsed), input
 * validation, handler, output shaping. Stack traces never leave the process.
 */
export function createDispatcher<Api extends ChannelMap, H extends HandlersOf<Api>>(options: DispatcherOptions<Api, H>): Dispatch {
  const { contract, handlers, resolvePrincipal } = options;
  return async (deps, session, channelName, input, onError, nature = {}) => {
    try {
      if (!isChannelOf(contract, channelName)) {
        throw new AppError('UNKNOWN_CHANNEL', `There is no channel ${String(channelName).slice(0, 80)}.`);
      }
      const def = contract[channelName] as Api[keyof Api];
      const principal = await resolvePrincipal(deps, session, nature);
      const refusal = mayCall(def.access, principal, session.via);
      if (refusal) throw new AppError(refusal.code, refusal.message);
      const parsed: unknown = parseInput(def.input, input);
      const ctx: HandlerContext = { deps, principal, session };
      const handler = handlers[channelName] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
      // The portal's calls are the customer's own acts: audited as the portal, with the account as actor.
      const origin = session.portal ? 'portal' : auditOriginOf(principal, session.via ?? 'app');
      const accountId = principal?.kind === 'portal-account' ? principal.accountId : null;
      const value = await withAuditOrigin(origin, () => handler(parsed, ctx), accountId);
      // The output schema strips anything the contract does not promise (e.g. a hash that slipped in).
      return { ok: true, value: def.output.parse(value) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(channelName, error, onError) };
    }
  };
}

/** The error as data for the caller; exported for the test of a real full disk (/dev/full). */
export function toErrorPayload(channelName: unknown, error: unknown, onError?: ErrorSink): ErrorPayload {
  if (isAppError(error)) return error.toPayload();
  // A driver's refusal (full disk, foreign key, unique key, concurrent change) in Portier's words, whichever the database.
  const mapped = mapDriverError(error);
  if (mapped) return mapped;
  onError?.(String(channelName), error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Portier. The change was not saved.' };
}
