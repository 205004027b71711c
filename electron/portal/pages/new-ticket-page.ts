import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UiLanguage } from '../../../shared/api/common';
import { TicketPriority } from '../../../shared/api/ticket-view';
import type { AppError} from '../../../shared/errors';
import { type FieldError } from '../../../shared/errors';
import type { PortalTicketOptions } from '../../../shared/portal-api/tickets';
import { formText } from '../form-fields';
import type { PortalKit } from '../portal-kit';
import { portalText } from '../text';
import { TICKET_WRITE_RATE } from './ticket-detail-page';
import { codeOf, ticketChoices } from './ticket-page-kit';

interface NewTicketForm {
  task: string;
  title: string;
  description: string;
  priority: string;
}

const EMPTY: NewTicketForm = { task: '', title: '', description: '', priority: 'normal' };

/** "projectId:taskId", the one value of the project-and-task choice (one select works without script). */
function taskChoice(value: string): { projectId: number; taskId: number } | null {
  const match = /^(\d{1,15}):(\d{1,15})$/.exec(value);
  if (!match) return null;
  const projectId = Number(match[1]);
  const taskId = Number(match[2]);
  return projectId > 0 && taskId > 0 && Number.isSafeInteger(projectId) && Number.isSafeInteger(taskId) ? { projectId, taskId } : null;
}

/** A field's problem in the customer's words; the task's own refusals have their own text. */
function fieldProblem(kit: PortalKit, lang: UiLanguage, field: string, error: FieldError): string {
  if (field === 'task' && error.code === 'not_found') return portalText(lang, 'newTicket.taskUnknown');
  if (field === 'task' && error.code === 'invalid_value') return portalText(lang, 'newTicket.taskClosed');
  if (field === 'task') return portalText(lang, 'newTicket.taskRequired');
  return kit.fieldText(lang, error);
}

/**
 * /tickets/new: a ticket on a task the contact holds a writable right on (the options list only
 * those; the core checks again in its transaction). No parent ticket can be named: no sub-tickets.
 */
export function registerNewTicket(app: FastifyInstance, kit: PortalKit): void {
  async function form(request: FastifyRequest, reply: FastifyReply, values: NewTicketForm, errors: Record<string, string>, status: number, top: string | null = null): Promise<FastifyReply> {
    const lang = await kit.language(request);
    let options: PortalTicketOptions;
    try {
      options = await kit.call(request, 'portal-tickets:options', {});
    } catch (error) {
      if (!codeOf(error, 'FORBIDDEN')) throw error;
      options = { projects: [], mayCreate: false };
    }
    if (!options.mayCreate) return kit.message(request, reply, { title: 'tickets.new', status: 403, message: portalText(lang, 'newTicket.noTask') });
    const projects = options.projects.map((p) => ({ name: p.name, tasks: p.tasks.filter((task) => task.writable).map((task) => ({ value: `${p.id}:${task.id}`, name: task.name })) })).filter((p) => p.tasks.length > 0);
    return kit.page(request, reply, 'ticket-new', { title: 'tickets.new', section: 'tickets', status }, { values, errors, error: top, projects, priorities: ticketChoices(lang).priorities });
  }

  app.get('/tickets/new', async (request, reply) => {
    if (!(await kit.requireMe(request, reply))) return reply;
    return form(request, reply, EMPTY, {}, 200);
  });

  app.post('/tickets/new', { config: { rateLimit: TICKET_WRITE_RATE } }, async (request, reply) => {
    const me = await kit.requireMe(request, reply);
    if (!me) return reply;
    const lang = me.language;
    const values: NewTicketForm = {
      task: formText(request.body, 'task'),
      title: formText(request.body, 'title'),
      description: formText(request.body, 'description'),
      priority: formText(request.body, 'priority'),
    };
    const chosen = taskChoice(values.task);
    const priority = TicketPriority.safeParse(values.priority);
    const errors: Record<string, string> = {};
    if (!chosen) errors.task = portalText(lang, 'newTicket.taskRequired');
    if (!priority.success) errors.priority = portalText(lang, 'error.validation');
    if (!chosen || !priority.success) {
      if (values.title.trim() === '') errors.title = portalText(lang, 'field.required');
      return form(request, reply, values, errors, 400);
    }
    try {
      const { number } = await kit.call(request, 'portal-tickets:create', { ...chosen, title: values.title, description: values.description, priority: priority.data });
      return reply.redirect(`/tickets/${number}?notice=created`, 303);
    } catch (error) {
      const code = codeOf(error, 'VALIDATION', 'NOT_FOUND', 'FORBIDDEN');
      if (!code) throw error;
      if (code === 'FORBIDDEN') return form(request, reply, values, {}, 403, portalText(lang, 'ticket.forbidden'));
      for (const [field, problem] of Object.entries((error as AppError).fields ?? {})) {
        const name = field === 'projectId' || field === 'taskId' ? 'task' : field;
        errors[name] ??= fieldProblem(kit, lang, name, problem);
      }
      return form(request, reply, values, errors, 400, Object.keys(errors).length === 0 ? kit.errorText(lang, error) : null);
    }
  });
}
