import type { ContactTicketRow } from '../../../shared/api/ticket-view';
import type { TicketPriorityValue, TicketStatusValue } from '../db/schema';
import type { ContactTicketView } from './ticket-access-repository';

/*
 * The one field whitelist for what a contact may see of a ticket (issue 11, point 5): every
 * contact view (view as contact, the portal, `tickets list --as`) maps through here. Kept out:
 * internal comments, time entries, secondary assignments (they may name another customer's
 * project), categories' admin data, who created it on the staff side, the assignee's internals
 * (only the name stays: ZEP shows the contact the "Bearbeiter").
 */

/** A list row as the contact sees it. */
export function toContactTicketRow(view: ContactTicketView, writable: boolean): ContactTicketRow {
  return {
    number: view.number,
    title: view.title,
    status: view.status,
    priority: view.priority,
    projectId: view.project_id,
    projectName: view.project_name,
    taskId: view.task_id,
    taskName: view.task_name,
    assigneeName: view.assignee_name,
    writable,
    createdAt: view.created_at,
    updatedAt: view.updated_at,
  };
}

/** A ticket with everything staff know about it; the whitelist picks from this. */
export interface StaffTicketDetail {
  number: number;
  title: string;
  description: string;
  status: TicketStatusValue;
  priority: TicketPriorityValue;
  projectName: string;
  taskName: string;
  assignee: { id: number; name: string; email?: string } | null;
  contactName: string | null;
  comments: readonly { id: number; body: string; internal: boolean; authorName: string | null; createdAt: string }[];
  timeEntries?: readonly unknown[];
  secondaryAssignments?: readonly unknown[];
  createdByStaffId?: number | null;
  createdAt: string;
  updatedAt: string;
}

/** What a contact sees of one ticket: no internal comments, no time, no staff-only fields, the assignee's name only. */
export interface ContactTicketDetail {
  number: number;
  title: string;
  description: string;
  status: TicketStatusValue;
  priority: TicketPriorityValue;
  projectName: string;
  taskName: string;
  assigneeName: string | null;
  contactName: string | null;
  comments: { id: number; body: string; authorName: string | null; createdAt: string }[];
  createdAt: string;
  updatedAt: string;
}

export function toContactTicketDetail(ticket: StaffTicketDetail): ContactTicketDetail {
  return {
    number: ticket.number,
    title: ticket.title,
    description: ticket.description,
    status: ticket.status,
    priority: ticket.priority,
    projectName: ticket.projectName,
    taskName: ticket.taskName,
    assigneeName: ticket.assignee?.name ?? null,
    contactName: ticket.contactName,
    comments: ticket.comments.filter((c) => !c.internal).map((c) => ({ id: c.id, body: c.body, authorName: c.authorName, createdAt: c.createdAt })),
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
  };
}
