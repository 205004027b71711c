import { AppError } from '../../../shared/errors';
import type { PortalContract } from '../../../shared/portal-api';
import type { CoreDeps, HandlerContext } from '../context';
import { readThrough } from '../db/read-cache';
import { portalAccountOf, type PortalHandler } from '../portal-context';
import { findRequiredActionFacts, groupsRequireTwoStep } from './portal-session-repository';

/** What a signed-in customer must do before anything else: choose a new password (staff asked), or set up two-step login (a role group requires it). */
export type RequiredAction = 'change-password' | 'set-up-two-step';

export async function requiredActionOf(deps: CoreDeps, accountId: number): Promise<RequiredAction | null> {
  return readThrough(deps, `required-action:${accountId}`, async () => {
    const facts = await findRequiredActionFacts(deps.db, accountId);
    if (facts?.mustChangePassword === 1) return 'change-password';
    if (facts && facts.twoStepMethod === null && (await groupsRequireTwoStep(deps.db, accountId))) return 'set-up-two-step';
    return null;
  });
}

const MESSAGES: Record<RequiredAction, string> = {
  'change-password': 'Choose a new password first.',
  'set-up-two-step': 'Set up two-step login first.',
};

/**
 * The customer's work channels (tickets, hours, preferences), refused in the core while the
 * account owes a required action: the portal's pages send the customer to it, and a request
 * that goes around the pages meets this. Sign-in, sign-out, the password and two-step channels
 * stay open, so the action can be done.
 */
export function afterRequiredActions<H extends Partial<{ [C in keyof PortalContract]: PortalHandler<C> }>>(handlers: H): H {
  const guarded: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: unknown, ctx: HandlerContext) => Promise<unknown>][]) {
    guarded[name] = async (input: unknown, ctx: HandlerContext) => {
      const pending = await requiredActionOf(ctx.deps, portalAccountOf(ctx).accountId);
      if (pending) throw new AppError('FORBIDDEN', MESSAGES[pending], { params: { requiredAction: pending } });
      return handler(input, ctx);
    };
  }
  return guarded as H;
}
