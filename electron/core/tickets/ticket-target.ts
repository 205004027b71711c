import type { TicketFilter, ViewAsTarget } from '../../../shared/api/ticket-bulk';
import { AppError } from '../../../shared/errors';
import type { Executor } from '../db/connection';
import { contactTicketIds } from '../ticket-access/ticket-access-repository';
import { loadScope } from '../ticket-access/ticket-view-service';
import { ticketIdsMatching } from './ticket-list-repository';

/** A bulk action's target as its contract takes it: ids, the staff list's filter or the view-as list's, less exceptIds. */
export interface TicketTarget {
  ticketIds?: readonly number[] | undefined;
  filter?: TicketFilter | undefined;
  viewAs?: ViewAsTarget | undefined;
  exceptIds: readonly number[];
}

/**
 * The ids a bulk action takes, each once, in the order given (or the list's order for a
 * filter). The view-as filter is resolved as the view-as list shows it: the contact's scope
 * from THE access function (as the database holds it at `now`), then the list's filters. A
 * filter that shows more than MAX tickets is refused rather than cut: acting on the first MAX
 * of "everything" would leave the rest silently as they were.
 */
export async function resolveTicketTarget(db: Executor, target: TicketTarget, max: number, now: Date): Promise<number[]> {
  const except = new Set(target.exceptIds);
  if (target.ticketIds !== undefined) return [...new Set(target.ticketIds)].filter((id) => !except.has(id));
  let ids: number[];
  let field: 'filter' | 'viewAs';
  if (target.filter !== undefined) {
    ids = await ticketIdsMatching(db, target.filter, target.exceptIds, max + 1);
    field = 'filter';
  } else if (target.viewAs !== undefined) {
    const { scope } = await loadScope(db, target.viewAs.contact, now);
    ids = await contactTicketIds(db, scope, target.viewAs.filter, target.exceptIds, max + 1);
    field = 'viewAs';
  } else {
    throw new AppError('VALIDATION', 'Give one of ticketIds, filter and viewAs.', { fields: { ticketIds: { code: 'required' } } });
  }
  if (ids.length > max) {
    throw new AppError('VALIDATION', `The filter shows more than ${max} tickets: narrow it, or act on a selection.`, { fields: { [field]: { code: 'too_big' } }, params: { max } });
  }
  return ids;
}
