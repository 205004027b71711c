import type { AccessCheck, AccessReason } from '../../shared/api/ticket-view';

/** The access function's reasons in English words, for the CLI's `tickets explain`. */
export const ACCESS_REASON_TEXT: Record<AccessReason, string> = {
  visible: 'The contact sees this ticket: a live right covers its project and task.',
  writable: 'The contact may change this ticket: a covering right is not read-only.',
  account_inactive: 'The portal account is switched off (inactive).',
  account_no_access: 'The portal account has no access yet (not activated) or is locked.',
  no_organisation_link: 'The portal account is linked to no organisation.',
  no_right: "The contact has no right on the ticket's project.",
  right_revoked: "The contact's right on this project was revoked.",
  other_customer_project: "The ticket's project belongs to another customer, not to the contact's organisation.",
  internal_not_allowed: 'The ticket lies on an internal project, and contacts may not be given rights on internal projects (setting off).',
  task_not_in_scope: "The ticket's task is not covered by the right (another task than the one the right names).",
  task_created_after_right: "The ticket's task was created after the \"existing tasks\" right was given, so it is not covered.",
  global_read_only: 'Customer access to tickets is read-only (global setting): no contact may change tickets.',
  right_read_only: 'Every right that covers this ticket is read-only.',
};

export const ACCESS_CHECK_TEXT: Record<AccessCheck, string> = {
  right_live: 'right not revoked',
  same_project: "on the ticket's project",
  customer_project: "project of the contact's organisation",
  internal_allowed: 'internal projects allowed',
  task_in_scope: 'task in scope',
  not_read_only: 'not read-only',
};
