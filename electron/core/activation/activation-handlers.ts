import { MAX_ACTIVATION_MATCHING, type activationApi } from '../../../shared/api/activation';
import { actorOf, type Handlers } from '../context';
import { matchingAccountIds } from '../portal-accounts/account-selection';
import { previewActivations, sendActivations } from './activation-service';
import { sendSetPasswordLink, setPasswordByStaff } from './password-reset-service';

export const activationHandlers: Handlers<keyof typeof activationApi> = {
  'portal-accounts:preview-activation': (input, { deps }) => previewActivations(deps, input.ids),
  // The same preview, for the accounts the list shows, resolved in the core.
  'portal-accounts:preview-activation-matching': async (input, { deps }) => previewActivations(deps, await matchingAccountIds(deps, input, MAX_ACTIVATION_MATCHING)),
  'portal-accounts:send-activation': (input, ctx) => sendActivations(ctx.deps, actorOf(ctx), input.ids),
  'portal-accounts:send-set-password-link': (input, ctx) => sendSetPasswordLink(ctx.deps, actorOf(ctx), input.id),
  'portal-accounts:set-password': (input, ctx) => setPasswordByStaff(ctx.deps, actorOf(ctx), input.id, input.password, input.mustChangePassword).then(() => null),
};
