import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UiLanguage } from '../../../shared/api/common';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../../shared/api/tickets';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { TICKET_PRIORITY_LABELS, TICKET_STATUS_LABELS } from '../../../shared/ticket-labels';
import type { PortalKit } from '../portal-kit';
import { portalText } from '../text';

/**
 * The answer for a ticket the customer may not see: the very page the portal gives for an
 * address that does not exist (status, title and text), whatever the reason.
 */
export async function notFoundPage(kit: PortalKit, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const lang = await kit.language(request);
  return kit.message(request, reply, { title: 'error.notFound.title', status: 404, message: portalText(lang, 'error.notFound') });
}

/** The AppError's code when ERROR is one of CODES, else null (the caller rethrows: the portal's error page answers). */
export function codeOf<C extends ErrorCode>(error: unknown, ...codes: C[]): C | null {
  return error instanceof AppError && (codes as ErrorCode[]).includes(error.code) ? (error.code as C) : null;
}

/** A ticket number from the address ("10234"); null for anything else. */
export function ticketNumberOf(text: string): number | null {
  return /^\d{1,15}$/.test(text) && Number.isSafeInteger(Number(text)) && Number(text) > 0 ? Number(text) : null;
}

/** Status and priority choices in the customer's words, in workflow order. */
export function ticketChoices(lang: UiLanguage) {
  return {
    statuses: TICKET_STATUSES.map((value) => ({ value, label: TICKET_STATUS_LABELS[lang][value] })),
    priorities: TICKET_PRIORITIES.map((value) => ({ value, label: TICKET_PRIORITY_LABELS[lang][value] })),
    statusLabel: (status: (typeof TICKET_STATUSES)[number]) => TICKET_STATUS_LABELS[lang][status],
    priorityLabel: (priority: (typeof TICKET_PRIORITIES)[number]) => TICKET_PRIORITY_LABELS[lang][priority],
  };
}
