import type { TicketDetail, TicketPriority, TicketStatus } from '../../../../shared/api/tickets';
import type { AnyFieldError } from '../../i18n/error-messages';

/** What the ticket dialog holds while staff type; ids as the select boxes give them ('' = none). */
export interface TicketFormValues {
  title: string;
  description: string;
  projectId: string;
  taskId: string;
  status: TicketStatus;
  priority: TicketPriority;
  assigneeId: string;
  contactPersonId: string;
  categoryIds: number[];
}

export type TicketFormField = keyof TicketFormValues;
export type TicketFormErrors = Partial<Record<TicketFormField, AnyFieldError>>;

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 20_000;

export function emptyTicketForm(projectId: number | null = null): TicketFormValues {
  return {
    title: '',
    description: '',
    projectId: projectId === null ? '' : String(projectId),
    taskId: '',
    status: 'new',
    priority: 'normal',
    assigneeId: '',
    contactPersonId: '',
    categoryIds: [],
  };
}

export function ticketFormOf(t: TicketDetail): TicketFormValues {
  return {
    title: t.title,
    description: t.description,
    projectId: String(t.projectId),
    taskId: String(t.taskId),
    status: t.status,
    priority: t.priority,
    assigneeId: t.assigneeId === null ? '' : String(t.assigneeId),
    contactPersonId: t.contactPersonId === null ? '' : String(t.contactPersonId),
    categoryIds: t.categories.map((c) => c.id),
  };
}

/** The problems the dialog finds before sending, with the codes the core would give. */
export function validateTicketForm(v: TicketFormValues): TicketFormErrors {
  const errors: TicketFormErrors = {};
  const title = v.title.trim();
  if (title === '') errors.title = { code: 'required' };
  else if (title.length > TITLE_MAX) errors.title = { code: 'too_long', max: TITLE_MAX };
  if (v.description.trim().length > DESCRIPTION_MAX) errors.description = { code: 'too_long', max: DESCRIPTION_MAX };
  if (v.projectId === '') errors.projectId = { code: 'required' };
  if (v.taskId === '') errors.taskId = { code: 'required' };
  return errors;
}

const idOrNull = (value: string) => (value === '' ? null : Number(value));

/** The contract's fields for a valid form (create and update share them). */
export function ticketFieldsOf(v: TicketFormValues) {
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    projectId: Number(v.projectId),
    taskId: Number(v.taskId),
    status: v.status,
    priority: v.priority,
    assigneeId: idOrNull(v.assigneeId),
    contactPersonId: idOrNull(v.contactPersonId),
    categoryIds: v.categoryIds,
  };
}
