import type { portalPreferencesApi } from '../../../shared/portal-api/preferences';
import { portalAccountOf, type PortalHandlers } from '../portal-context';
import { portalPreferences, updatePortalPreferences } from './portal-preferences-service';

export const portalPreferencesHandlers: PortalHandlers<keyof typeof portalPreferencesApi> = {
  'portal-preferences:get': (_input, ctx) => portalPreferences(ctx.deps, portalAccountOf(ctx)),
  'portal-preferences:update': (input, ctx) => updatePortalPreferences(ctx.deps, portalAccountOf(ctx), input),
};
