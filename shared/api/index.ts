import { isChannelOf, type ChannelInput, type ChannelOutput, type ChannelParsedInput } from '../contract';
import { accountImportApi } from './account-import';
import { activationApi } from './activation';
import { activationSettingsApi } from './activation-settings';
import { auditApi } from './audit';
import { documentsApi } from './documents';
import { hoursApi } from './hours';
import { mailTemplatesApi } from './mail-templates';
import { organisationsApi } from './organisations';
import { outboxApi } from './outbox';
import { smsGatewayApi } from './sms-gateway';
import { passwordPolicyApi } from './password-policy';
import { personsApi } from './persons';
import { portalAccountsApi, preferencesApi } from './portal-accounts';
// issue 12: the back office's view of portal sessions
import { portalAccountSessionsApi } from './portal-account-sessions';
import { roleGroupsApi } from './role-groups';
import { sessionApi } from './session';
import { settingsApi } from './settings';
import { sessionSettingsApi } from './session-settings';
import { staffApi } from './staff';
// issue 11: projects and tickets
import { projectsApi } from './projects';
import { ticketCategoriesApi, ticketsApi, timeEntriesApi } from './tickets';
import { ticketRightsApi } from './ticket-rights';
import { ticketViewApi } from './ticket-view';
import { ticketMovesApi } from './ticket-moves';
// issue 11 wave 2: bulk ticket actions (fix/bulk)
import { ticketBulkApi } from './ticket-bulk';
// issue 11 point 8: bulk ticket actions as one transaction with progress and stop (fix/jobs)
import { ticketJobsApi } from './ticket-jobs';
// issue 11: access review report
import { accessReviewApi } from './access-review';
// issue 13: the connect screen (which database this desk works on)
import { officeDatabaseApi } from './office-database';

/**
 * The back office's contract: every channel between the renderer (over IPC or the HTTP bridge)
 * and the core. No back-office channel exists outside it; the command line's contract extends it
 * (shared/api/command-line.ts), and the portal will have its own.
 */
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
  // issue 12: the back office's view of portal sessions
  ...portalAccountSessionsApi,
  ...passwordPolicyApi,
  ...activationSettingsApi,
  ...activationApi,
  ...outboxApi,
  ...smsGatewayApi,
  ...mailTemplatesApi,
  ...documentsApi,
  ...accountImportApi,
  ...sessionSettingsApi,
  ...hoursApi,
  // issue 11: projects and tickets
  ...projectsApi,
  ...ticketCategoriesApi,
  ...ticketsApi,
  ...timeEntriesApi,
  ...ticketRightsApi,
  ...ticketViewApi,
  ...ticketMovesApi,
  // issue 11 wave 2: bulk ticket actions (fix/bulk)
  ...ticketBulkApi,
  // issue 11 point 8: bulk ticket actions as one transaction with progress and stop (fix/jobs)
  ...ticketJobsApi,
  // issue 11: access review report
  ...accessReviewApi,
  // issue 13: the connect screen (which database this desk works on)
  ...officeDatabaseApi,
} as const;

export type Contract = typeof contract;
/** A channel name, `domain:action`. */
export type ChannelName = keyof Contract;
/** What the caller sends (before defaults and transforms). */
export type InputOf<C extends ChannelName> = ChannelInput<Contract, C>;
/** What the handler receives (after validation). */
export type ParsedInputOf<C extends ChannelName> = ChannelParsedInput<Contract, C>;
/** What the channel answers. */
export type OutputOf<C extends ChannelName> = ChannelOutput<Contract, C>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return isChannelOf(contract, name);
}
