import type { activationApi } from '../../../shared/api/activation';
import { actorOf, type Handlers } from '../context';
import { previewActivations, sendActivations } from './activation-service';
import { sendSetPasswordLink, setPasswordByStaff } from './password-reset-service';

export const activationHandlers: Handlers<keyof typeof activationApi> = {
  'portal-accounts:preview-activation': (input, { deps }) => previewActivations(deps, input.ids),
  'portal-accounts:send-activation': (input, ctx) => sendActivations(ctx.deps, actorOf(ctx), input.ids),
  'portal-accounts:send-set-password-link': (input, ctx) => sendSetPasswordLink(ctx.deps, actorOf(ctx), input.id),
  'portal-accounts:set-password': (input, ctx) => setPasswordByStaff(ctx.deps, actorOf(ctx), input.id, input.password).then(() => null),
};
