import type { HandlersOf } from './context';
import type { PortalContract } from '../../shared/portal-api';
import { portalBrandingHandlers } from './portal-branding/portal-branding-handlers';
import { portalSessionHandlers } from './portal-sessions/portal-session-handlers';
import { portalTwoStepHandlers } from './portal-sessions/two-step-handlers';

/** Every portal channel's handler, one per channel (the portal's dispatcher checks the set against its contract). */
export const portalHandlers: HandlersOf<PortalContract> = {
  ...portalSessionHandlers,
  ...portalBrandingHandlers,
  ...portalTwoStepHandlers,
};
