import type { ChannelInput, ChannelOutput, ChannelParsedInput } from '../contract';
import { portalBrandingApi } from './branding';
import { portalPasswordApi } from './passwords';
import { portalSessionApi } from './session';
import { portalTicketsApi } from './tickets';
import { portalHoursApi } from './hours';
import { portalPreferencesApi } from './preferences';
import { portalTwoStepApi } from './two-step';

/**
 * The customer portal's contract: every channel its pages call into the core, each for a
 * portal account (or nobody yet). Its own object, served by its own dispatcher: the portal
 * cannot reach a back-office channel, and the back office cannot reach these.
 */
export const portalContract = {
  ...portalSessionApi,
  ...portalBrandingApi,
  ...portalTicketsApi,
  ...portalHoursApi,
  ...portalPreferencesApi,
  ...portalPasswordApi,
  ...portalTwoStepApi,
} as const;

export type PortalContract = typeof portalContract;
export type PortalChannelName = keyof PortalContract;
export type PortalInputOf<C extends PortalChannelName> = ChannelInput<PortalContract, C>;
export type PortalParsedInputOf<C extends PortalChannelName> = ChannelParsedInput<PortalContract, C>;
export type PortalOutputOf<C extends PortalChannelName> = ChannelOutput<PortalContract, C>;
