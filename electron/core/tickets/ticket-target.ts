import type { TicketFilter } from '../../../shared/api/ticket-bulk';
import { AppError } from '../../../shared/errors';
import type { Executor } from '../db/connection';
import { ticketIdsMatching } from './ticket-list-repository';

/** A bulk action's target as its contract takes it: ids, or the staff list's filter, less exceptIds. */
export interface TicketTarget {
  ticketIds?: readonly number[] | undefined;
  filter?: TicketFilter | undefined;
  exceptIds: readonly number[];
}

/**
 * The ids a bulk action takes, each once, in the order given (or the list's order for a
 * filter). A filter that shows more than MAX tickets is refused rather than cut: acting on the
 * first MAX of "everything" would leave the rest silently as they were.
 */
export async function resolveTicketTarget(db: Executor, target: TicketTarget, max: number): Promise<number[]> {
  const except = new Set(target.exceptIds);
  if (target.ticketIds !== undefined) return [...new Set(target.ticketIds)].filter((id) => !except.has(id));
  if (target.filter === undefined) throw new AppError('VALIDATION', 'Give either ticketIds or filter.', { fields: { ticketIds: { code: 'required' } } });
  const ids = await ticketIdsMatching(db, target.filter, target.exceptIds, max + 1);
  if (ids.length > max) {
    throw new AppError('VALIDATION', `The filter shows more than ${max} tickets: narrow it, or act on a selection.`, { fields: { filter: { code: 'too_big' } }, params: { max } });
  }
  return ids;
}
