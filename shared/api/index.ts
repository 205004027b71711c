import type { z } from 'zod';
import { accountImportApi } from './account-import';
import { activationApi } from './activation';
import { activationSettingsApi } from './activation-settings';
import { auditApi } from './audit';
import { documentsApi } from './documents';
import { mailTemplatesApi } from './mail-templates';
import { organisationsApi } from './organisations';
import { outboxApi } from './outbox';
import { passwordPolicyApi } from './password-policy';
import { personsApi } from './persons';
import { portalAccountsApi, preferencesApi } from './portal-accounts';
import { roleGroupsApi } from './role-groups';
import { sessionApi } from './session';
import { settingsApi } from './settings';
import { sessionSettingsApi } from './session-settings';
import { staffApi } from './staff';

/** Every channel between the renderer (or HTTP bridge, or CLI) and the core. No channel exists outside it. */
export const contract = {
  ...sessionApi,
  ...staffApi,
  ...organisationsApi,
  ...personsApi,
  ...auditApi,
  ...settingsApi,
  ...roleGroupsApi,
  ...portalAccountsApi,
  ...preferencesApi,
  ...passwordPolicyApi,
  ...activationSettingsApi,
  ...activationApi,
  ...outboxApi,
  ...mailTemplatesApi,
  ...documentsApi,
  ...accountImportApi,
  ...sessionSettingsApi,
} as const;

export type Contract = typeof contract;
/** A channel name, `domain:action`. */
export type ChannelName = keyof Contract;
/** What the caller sends (before defaults and transforms). */
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What the handler receives (after validation). */
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
/** What the channel answers. */
export type OutputOf<C extends ChannelName> = z.output<Contract[C]['output']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
