import type { portalSessionApi } from '../../../shared/portal-api/session';
import type { PortalHandlers } from '../portal-context';
import { portalMe, switchOrganisation } from './portal-me';
import { signInToPortal, signOutOfPortal } from './portal-sign-in';
import { portalAccountOf } from '../portal-context';

export const portalSessionHandlers: PortalHandlers<keyof typeof portalSessionApi> = {
  'portal-session:current': (_input, { deps, session }) => portalMe(deps, session),
  'portal-session:sign-in': (input, { deps, session }) => signInToPortal(deps, session, input),
  'portal-session:sign-out': (_input, { deps, session }) => signOutOfPortal(deps, session),
  'portal-session:switch-organisation': (input, ctx) => switchOrganisation(ctx.deps, ctx.session, portalAccountOf(ctx), input.organisationId),
};
