import type { portalAccountSessionsApi } from '../../../shared/api/portal-account-sessions';
import { actorOf, type Handlers } from '../context';
import { endSessionsOfAccount, sessionsOfAccount } from './account-sessions';

export const portalAccountSessionHandlers: Handlers<keyof typeof portalAccountSessionsApi> = {
  'portal-accounts:sessions': (input, { deps }) => sessionsOfAccount(deps, input.id),
  'portal-accounts:end-sessions': (input, ctx) => endSessionsOfAccount(ctx.deps, actorOf(ctx), input.id),
};
