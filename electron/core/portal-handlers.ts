import type { HandlersOf } from './context';
import type { PortalContract } from '../../shared/portal-api';
import { portalBrandingHandlers } from './portal-branding/portal-branding-handlers';
import { portalPasswordHandlers } from './portal-passwords/portal-password-handlers';
import { portalSessionHandlers } from './portal-sessions/portal-session-handlers';
import { portalTicketHandlers } from './portal-tickets/portal-ticket-handlers';
import { portalHoursHandlers } from './portal-hours/portal-hours-handlers';
import { portalPreferencesHandlers } from './portal-preferences/portal-preferences-handlers';
import { portalTwoStepHandlers } from './portal-sessions/two-step-handlers';
import { afterRequiredActions } from './portal-sessions/required-actions';

/** Every portal channel's handler, one per channel (the portal's dispatcher checks the set against its contract). */
export const portalHandlers: HandlersOf<PortalContract> = {
  ...portalSessionHandlers,
  ...portalBrandingHandlers,
  // A customer's work waits for a required action (a new password, two-step set-up); see required-actions.ts.
  ...afterRequiredActions(portalTicketHandlers),
  ...afterRequiredActions(portalHoursHandlers),
  ...afterRequiredActions(portalPreferencesHandlers),
  ...portalPasswordHandlers,
  ...portalTwoStepHandlers,
};
