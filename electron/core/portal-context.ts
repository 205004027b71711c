import type { PortalChannelName, PortalContract } from '../../shared/portal-api';
import { AppError } from '../../shared/errors';
import type { ContractHandler, HandlerContext } from './context';
import type { PortalAccountPrincipal } from './principal';

/** The handler of a portal channel. */
export type PortalHandler<C extends PortalChannelName> = ContractHandler<PortalContract, C>;
/** A portal domain's handlers, keyed by channel name. */
export type PortalHandlers<K extends PortalChannelName> = { [C in K]: PortalHandler<C> };

/**
 * The customer the call acts for. The portal's dispatcher has refused everyone else on
 * 'portal' channels; this refuses them again for a handler reached some other way.
 */
export function portalAccountOf(ctx: HandlerContext): PortalAccountPrincipal {
  if (ctx.principal?.kind !== 'portal-account') throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return ctx.principal;
}
