import type { AccessReview, ReviewRight } from '../../../shared/api/access-review';
import type { UiLanguage } from '../../../shared/api/common';
import type { AccountStatus } from '../../../shared/api/portal-accounts';
import type { TicketRightScope } from '../../../shared/api/ticket-rights';

export const REVIEW_COLUMNS = [
  'username',
  'status',
  'organisation',
  'person',
  'defaultLink',
  'roleGroups',
  'permissions',
  'ticketRights',
  'visibleTickets',
  'writableTickets',
  'accountVisibleTickets',
  'accountWritableTickets',
] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

/** The review's words in the staff user's language (CSV and XLSX header, PDF). */
export interface AccessReviewText {
  title: string;
  generated: string;
  organisation: string;
  allOrganisations: string;
  columns: Record<ReviewColumn, string>;
  yes: string;
  no: string;
  readOnly: string;
  scopes: Record<TicketRightScope, (task: string | null, count: number | null) => string>;
  statuses: Record<AccountStatus, string>;
}

const TEXT: Record<UiLanguage, AccessReviewText> = {
  en: {
    title: 'Access review',
    generated: 'Generated',
    organisation: 'Organisation',
    allOrganisations: 'all organisations',
    columns: {
      username: 'Username',
      status: 'Status',
      organisation: 'Organisation',
      person: 'Person',
      defaultLink: 'Default',
      roleGroups: 'Role groups',
      permissions: 'Effective permissions',
      ticketRights: 'Ticket rights',
      visibleTickets: 'Tickets visible (organisation)',
      writableTickets: 'Tickets changeable (organisation)',
      accountVisibleTickets: 'Tickets visible (account)',
      accountWritableTickets: 'Tickets changeable (account)',
    },
    yes: 'yes',
    no: 'no',
    readOnly: 'read-only',
    scopes: {
      one_task: (task) => `task ${task ?? ''}`.trim(),
      all_tasks: () => 'all tasks',
      existing_tasks: (_task, count) => `existing tasks (${count ?? 0})`,
    },
    statuses: { no_access: 'no access yet', invited: 'invited', invitation_expired: 'invitation expired', active: 'active', deactivated: 'deactivated', locked: 'locked' },
  },
  nl: {
    title: 'Toegangsoverzicht',
    generated: 'Gemaakt',
    organisation: 'Organisatie',
    allOrganisations: 'alle organisaties',
    columns: {
      username: 'Gebruikersnaam',
      status: 'Status',
      organisation: 'Organisatie',
      person: 'Persoon',
      defaultLink: 'Standaard',
      roleGroups: 'Rolgroepen',
      permissions: 'Effectieve rechten',
      ticketRights: 'Ticketrechten',
      visibleTickets: 'Zichtbare tickets (organisatie)',
      writableTickets: 'Wijzigbare tickets (organisatie)',
      accountVisibleTickets: 'Zichtbare tickets (account)',
      accountWritableTickets: 'Wijzigbare tickets (account)',
    },
    yes: 'ja',
    no: 'nee',
    readOnly: 'alleen lezen',
    scopes: {
      one_task: (task) => `taak ${task ?? ''}`.trim(),
      all_tasks: () => 'alle taken',
      existing_tasks: (_task, count) => `bestaande taken (${count ?? 0})`,
    },
    statuses: { no_access: 'nog geen toegang', invited: 'uitgenodigd', invitation_expired: 'uitnodiging verlopen', active: 'actief', deactivated: 'gedeactiveerd', locked: 'geblokkeerd' },
  },
  de: {
    title: 'Zugriffsprüfung',
    generated: 'Erstellt',
    organisation: 'Organisation',
    allOrganisations: 'alle Organisationen',
    columns: {
      username: 'Benutzername',
      status: 'Status',
      organisation: 'Organisation',
      person: 'Person',
      defaultLink: 'Standard',
      roleGroups: 'Rollengruppen',
      permissions: 'Effektive Berechtigungen',
      ticketRights: 'Ticketrechte',
      visibleTickets: 'Sichtbare Tickets (Organisation)',
      writableTickets: 'Änderbare Tickets (Organisation)',
      accountVisibleTickets: 'Sichtbare Tickets (Konto)',
      accountWritableTickets: 'Änderbare Tickets (Konto)',
    },
    yes: 'ja',
    no: 'nein',
    readOnly: 'nur lesen',
    scopes: {
      one_task: (task) => `Vorgang ${task ?? ''}`.trim(),
      all_tasks: () => 'alle Vorgänge',
      existing_tasks: (_task, count) => `bestehende Vorgänge (${count ?? 0})`,
    },
    statuses: { no_access: 'noch kein Zugang', invited: 'eingeladen', invitation_expired: 'Einladung abgelaufen', active: 'aktiv', deactivated: 'deaktiviert', locked: 'gesperrt' },
  },
};

export const accessReviewText = (language: UiLanguage): AccessReviewText => TEXT[language];

export function rightText(right: ReviewRight, t: AccessReviewText): string {
  return `${right.projectName}: ${t.scopes[right.scope](right.taskName, right.taskCount)}${right.readOnly ? ` (${t.readOnly})` : ''}`;
}

/** One cell value per column; numbers stay numbers (XLSX writes them as numbers). */
export type ReviewCells = Record<ReviewColumn, string | number>;

/** The review as table rows: one per account link (an account without links gets one row of its own). */
export function reviewRows(review: AccessReview, language: UiLanguage): ReviewCells[] {
  const t = accessReviewText(language);
  return review.accounts.flatMap((account) => {
    const common = {
      username: account.username,
      status: t.statuses[account.status],
      roleGroups: account.roleGroups.map((g) => g.name).join(', '),
      permissions: account.permissions.join(', '),
      accountVisibleTickets: account.visibleTickets,
      accountWritableTickets: account.writableTickets,
    };
    if (account.links.length === 0) return [{ ...common, organisation: '', person: '', defaultLink: '', ticketRights: '', visibleTickets: 0, writableTickets: 0 }];
    return account.links.map((link) => ({
      ...common,
      organisation: link.organisationName,
      person: link.personName ?? '',
      defaultLink: link.isDefault ? t.yes : t.no,
      ticketRights: link.rights.map((r) => rightText(r, t)).join('; '),
      visibleTickets: link.visibleTickets,
      writableTickets: link.writableTickets,
    }));
  });
}
