import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UiLanguage } from '../../../shared/api/common';
import type { AppError } from '../../../shared/errors';
import type { PortalTicket } from '../../../shared/portal-api/tickets';
import { formatTicketNumber } from '../../../shared/ticket-number';
import { formText, queryText } from '../form-fields';
import { formatWhen } from '../portal-format';
import type { PortalKit } from '../portal-kit';
import { portalText, type PortalTextKey } from '../text';
import { codeOf, notFoundPage, ticketChoices, ticketNumberOf } from './ticket-page-kit';

/** Form posts that write: a customer types a comment now and then, a script posting hundreds meets this. */
export const TICKET_WRITE_RATE = { max: 30, timeWindow: '1 minute' } as const;

/** Notices the ticket page may show after a write, by the name in its address (never text from the address itself). */
const NOTICES: Record<string, PortalTextKey> = {
  created: 'ticket.notice.created',
  commented: 'ticket.notice.commented',
  accepted: 'ticket.notice.accepted',
  rejected: 'ticket.notice.rejected',
};

/** What a failed write shows again: the typed text (never lost) and the error next to its field, or at the top. */
interface Retry {
  status: number;
  error?: string;
  comment?: { body: string; error?: string };
  reason?: { body: string; error?: string };
}

function ticketView(ticket: PortalTicket, lang: UiLanguage, timeZone: string) {
  const choices = ticketChoices(lang);
  const t = (key: PortalTextKey, params?: Record<string, string | number>) => portalText(lang, key, params);
  return {
    ...ticket,
    reference: formatTicketNumber(ticket.number),
    statusLabel: choices.statusLabel(ticket.status),
    priorityLabel: choices.priorityLabel(ticket.priority),
    assignee: ticket.assigneeName ?? t('ticket.nobody'),
    created: formatWhen(ticket.createdAt, lang, timeZone),
    updated: formatWhen(ticket.updatedAt, lang, timeZone),
    comments: ticket.comments.map((c) => ({ ...c, meta: t('ticket.commentMeta', { name: c.authorName ?? t('ticket.unknownAuthor'), date: formatWhen(c.createdAt, lang, timeZone) }) })),
  };
}

/**
 * /tickets/:number: one ticket as its contact sees it, with the write actions the core would
 * allow now (comment; accept or reject a done ticket). A ticket the customer may not see is the
 * portal's 404 page, byte for byte the answer for one that does not exist.
 */
export function registerTicketDetail(app: FastifyInstance, kit: PortalKit): void {
  async function show(request: FastifyRequest, reply: FastifyReply, number: number, retry: Retry | null): Promise<FastifyReply> {
    let ticket: PortalTicket;
    try {
      ticket = await kit.call(request, 'portal-tickets:get', { number });
    } catch (error) {
      if (codeOf(error, 'NOT_FOUND', 'FORBIDDEN')) return notFoundPage(kit, request, reply);
      throw error;
    }
    const lang = await kit.language(request);
    const notice = retry ? undefined : NOTICES[queryText(request.query, 'notice')];
    const { timeZone } = await kit.branding(request);
    return kit.page(
      request,
      reply,
      'ticket',
      { title: 'ticket.heading', titleParams: { number: formatTicketNumber(ticket.number), title: ticket.title }, section: 'tickets', status: retry?.status ?? 200 },
      {
        ticket: ticketView(ticket, lang, timeZone),
        notice: notice ? portalText(lang, notice) : null,
        error: retry?.error ?? null,
        comment: retry?.comment ?? { body: '' },
        reason: retry?.reason ?? { body: '' },
      },
    );
  }

  /** Runs a write of the ticket page; on success back to the ticket with its notice, else the page again with what was typed. */
  async function write(request: FastifyRequest, reply: FastifyReply, run: (number: number) => Promise<unknown>, notice: string, field: 'comment' | 'reason' | null, typed: string): Promise<FastifyReply> {
    const me = await kit.requireMe(request, reply);
    if (!me) return reply;
    const number = ticketNumberOf((request.params as { number: string }).number);
    if (number === null) return notFoundPage(kit, request, reply);
    try {
      await run(number);
      return reply.redirect(`/tickets/${number}?notice=${notice}`, 303);
    } catch (error) {
      const lang = me.language;
      const code = codeOf(error, 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'VALIDATION');
      if (code === 'NOT_FOUND') return notFoundPage(kit, request, reply);
      if (!code) throw error;
      const kept = field ? { [field]: { body: typed } } : {};
      if (code === 'VALIDATION' && field) {
        const problem = (error as AppError).fields?.[field === 'comment' ? 'body' : 'reason'];
        return show(request, reply, number, { status: 400, [field]: { body: typed, error: problem ? kit.fieldText(lang, problem) : portalText(lang, 'error.validation') } });
      }
      // The answer is no longer asked for (its form is gone): what was typed moves to the comment box.
      if (code === 'CONFLICT') return show(request, reply, number, { status: 409, error: portalText(lang, 'ticket.notDone'), ...kept, ...(field === 'reason' ? { comment: { body: typed } } : {}) });
      return show(request, reply, number, { status: 403, error: portalText(lang, 'ticket.forbidden'), ...kept });
    }
  }

  app.get('/tickets/:number', async (request, reply) => {
    const me = await kit.requireMe(request, reply);
    if (!me) return reply;
    const number = ticketNumberOf((request.params as { number: string }).number);
    if (number === null) return notFoundPage(kit, request, reply);
    return show(request, reply, number, null);
  });

  app.post('/tickets/:number/comment', { config: { rateLimit: TICKET_WRITE_RATE } }, async (request, reply) => {
    const body = formText(request.body, 'body');
    return write(request, reply, (number) => kit.call(request, 'portal-tickets:comment', { number, body }), 'commented#comments', 'comment', body);
  });

  app.post('/tickets/:number/accept', { config: { rateLimit: TICKET_WRITE_RATE } }, async (request, reply) =>
    write(request, reply, (number) => kit.call(request, 'portal-tickets:accept', { number }), 'accepted', null, ''),
  );

  app.post('/tickets/:number/reject', { config: { rateLimit: TICKET_WRITE_RATE } }, async (request, reply) => {
    const reason = formText(request.body, 'reason');
    return write(request, reply, (number) => kit.call(request, 'portal-tickets:reject', { number, reason }), 'rejected', 'reason', reason);
  });
}
