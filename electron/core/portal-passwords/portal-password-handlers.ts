import type { portalPasswordApi } from '../../../shared/portal-api/passwords';
import { portalAccountOf, type PortalHandlers } from '../portal-context';
import { activateThroughLink, setPasswordThroughLink } from './portal-link-use';
import { openLink, openedLink } from './portal-links';
import { forgotPassword } from './portal-forgot-password';
import { changePortalPassword, passwordRulesOfCustomer } from './portal-password-change';

export const portalPasswordHandlers: PortalHandlers<keyof typeof portalPasswordApi> = {
  'portal-links:open': (input, { deps }) => openLink(deps, input.kind, input.token),
  'portal-links:get': (input, { deps }) => openedLink(deps, input.kind, input.state),
  'portal-activation:activate': (input, { deps }) => activateThroughLink(deps, input),
  'portal-password:set': (input, { deps }) => setPasswordThroughLink(deps, input),
  'portal-password:forgot': (input, { deps }) => forgotPassword(deps, input.username),
  'portal-password:rules': (_input, ctx) => passwordRulesOfCustomer(ctx.deps, portalAccountOf(ctx)),
  'portal-password:change': (input, ctx) => changePortalPassword(ctx.deps, ctx.session, portalAccountOf(ctx), input),
};
