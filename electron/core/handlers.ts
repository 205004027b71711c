import type { ChannelName } from '../../shared/api';
import { activationHandlers } from './activation/activation-handlers';
import { activationSettingsHandlers } from './settings/activation-settings';
import { auditHandlers } from './audit/audit-handlers';
import { documentHandlers } from './documents/document-handlers';
import { hoursHandlers } from './hours/hours-handlers';
import { passwordPolicyHandlers } from './password-policy/password-policy-service';
import { portalAccountHandlers } from './portal-accounts/account-handlers';
import { preferenceHandlers } from './preferences/preference-handlers';
// issue 12: the back office's view of portal sessions
import { portalAccountSessionHandlers } from './portal-sessions/account-session-handlers';
import { roleGroupHandlers } from './role-groups/role-group-handlers';
import { organisationHandlers } from './contacts/organisation-handlers';
import { personHandlers } from './contacts/person-handlers';
import type { Handlers } from './context';
import { outboxHandlers } from './outbox/outbox-handlers';
import { smsGatewayHandlers } from './outbox/sms-gateway-handlers';
import { mailTemplateHandlers } from './templates/mail-template-handlers';
import { settingsHandlers } from './settings/settings-service';
import { sessionSettingsHandlers } from './settings/session-settings';
import { sessionHandlers, staffHandlers } from './staff/staff-handlers';
// issue 11: projects and tickets
import { projectHandlers } from './projects/project-handlers';
import { ticketHandlers } from './tickets/ticket-handlers';
import { ticketAccessHandlers } from './ticket-access/ticket-access-handlers';
import { ticketMoveHandlers } from './ticket-moves/ticket-move-handlers';
// issue 11 wave 2: bulk ticket actions (fix/bulk)
import { ticketBulkHandlers } from './ticket-bulk/ticket-bulk-handlers';
// issue 11 point 8: bulk ticket actions as one transaction with progress and stop (fix/jobs)
import { ticketJobHandlers } from './ticket-jobs/ticket-job-handlers';
// issue 11: access review report
import { accessReviewHandlers } from './access-review/access-review-handlers';
// issue 13: the connect screen (which database this desk works on)
import { officeDatabaseHandlers } from './office-database/office-database-handlers';

/** Every channel's handler; typed so that a channel without a handler does not compile. */
export const handlers: Handlers<ChannelName> = {
  ...sessionHandlers,
  ...staffHandlers,
  ...organisationHandlers,
  ...personHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...roleGroupHandlers,
  ...portalAccountHandlers,
  ...preferenceHandlers,
  // issue 12: the back office's view of portal sessions
  ...portalAccountSessionHandlers,
  ...passwordPolicyHandlers,
  ...activationSettingsHandlers,
  ...activationHandlers,
  ...outboxHandlers,
  ...smsGatewayHandlers,
  ...mailTemplateHandlers,
  ...documentHandlers,
  ...sessionSettingsHandlers,
  ...hoursHandlers,
  // issue 11: projects and tickets
  ...projectHandlers,
  ...ticketHandlers,
  ...ticketAccessHandlers,
  ...ticketMoveHandlers,
  // issue 11 wave 2: bulk ticket actions (fix/bulk)
  ...ticketBulkHandlers,
  // issue 11 point 8: bulk ticket actions as one transaction with progress and stop (fix/jobs)
  ...ticketJobHandlers,
  // issue 11: access review report
  ...accessReviewHandlers,
  // issue 13: the connect screen (which database this desk works on)
  ...officeDatabaseHandlers,
};
