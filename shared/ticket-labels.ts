import type { UiLanguage } from './api/common';
import type { TicketPriority, TicketStatus } from './api/tickets';

/**
 * A ticket's status and priority in the words customers read them (the portal's pages and the
 * status-change mail); the back office keeps its own (renderer/src/features/tickets).
 */
export const TICKET_STATUS_LABELS: Record<UiLanguage, Record<TicketStatus, string>> = {
  en: { new: 'New', in_progress: 'In progress', waiting_for_customer: 'Waiting for you', done: 'Done', accepted: 'Accepted', rejected: 'Rejected', closed: 'Closed' },
  nl: { new: 'Nieuw', in_progress: 'In behandeling', waiting_for_customer: 'Wacht op u', done: 'Gereed', accepted: 'Geaccepteerd', rejected: 'Afgewezen', closed: 'Gesloten' },
  de: { new: 'Neu', in_progress: 'In Bearbeitung', waiting_for_customer: 'Wartet auf Sie', done: 'Erledigt', accepted: 'Abgenommen', rejected: 'Abgelehnt', closed: 'Geschlossen' },
};

export const TICKET_PRIORITY_LABELS: Record<UiLanguage, Record<TicketPriority, string>> = {
  en: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  nl: { low: 'Laag', normal: 'Normaal', high: 'Hoog', urgent: 'Dringend' },
  de: { low: 'Niedrig', normal: 'Normal', high: 'Hoch', urgent: 'Dringend' },
};
