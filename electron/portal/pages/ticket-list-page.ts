import type { FastifyInstance } from 'fastify';
import { QuickLink } from '../../../shared/api/ticket-view';
import { AppError } from '../../../shared/errors';
import type { PortalTicketOptions } from '../../../shared/portal-api/tickets';
import { formatTicketNumber } from '../../../shared/ticket-number';
import { formatWhen } from '../portal-format';
import type { PortalKit } from '../portal-kit';
import { portalText, type PortalTextKey } from '../text';
import { FIRST_DIRECTION, PAGE_SIZE, listHref, listQuery, readListState, type ListState } from './ticket-list-query';
import { codeOf, ticketChoices } from './ticket-page-kit';

const COLUMNS: { key: 'number' | 'title' | 'status' | 'priority' | 'project' | 'assignee' | 'updated'; label: PortalTextKey; sort?: ListState['sort'] }[] = [
  { key: 'number', label: 'tickets.col.number', sort: 'number' },
  { key: 'title', label: 'tickets.col.title', sort: 'title' },
  { key: 'status', label: 'tickets.col.status', sort: 'status' },
  { key: 'priority', label: 'tickets.col.priority', sort: 'priority' },
  { key: 'project', label: 'tickets.col.project' },
  { key: 'assignee', label: 'tickets.col.assignee' },
  { key: 'updated', label: 'tickets.col.updated', sort: 'updated' },
];

/**
 * /tickets: the customer's list from portal-tickets:list (the view-as list of their contact),
 * with quick links, a GET form for the filters, and links for sorting and paging: all of it
 * works without script.
 */
export function registerTicketList(app: FastifyInstance, kit: PortalKit): void {
  app.get('/tickets', async (request, reply) => {
    const me = await kit.requireMe(request, reply);
    if (!me) return reply;
    const lang = me.language;
    const t = (key: PortalTextKey, params?: Record<string, string | number>) => portalText(lang, key, params);
    const state = readListState(request.query);
    let options: PortalTicketOptions;
    try {
      options = await kit.call(request, 'portal-tickets:options', {});
    } catch (error) {
      if (!codeOf(error, 'FORBIDDEN')) throw error;
      return kit.page(request, reply, 'tickets', { title: 'layout.myTickets', section: 'tickets', status: 403 }, { noAccess: t('tickets.noAccess') });
    }
    let page = { rows: [] as Awaited<ReturnType<typeof kit.call<'portal-tickets:list'>>>['rows'], total: 0 };
    let searchError: string | null = null;
    try {
      page = await kit.call(request, 'portal-tickets:list', listQuery(state));
    } catch (error) {
      const search = error instanceof AppError && error.code === 'VALIDATION' ? error.fields?.search : undefined;
      if (!search) throw error;
      searchError = kit.fieldText(lang, search);
    }
    const choices = ticketChoices(lang);
    const { timeZone } = await kit.branding(request);
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    const first = (state.page - 1) * PAGE_SIZE + 1;
    return kit.page(
      request,
      reply,
      'tickets',
      { title: 'layout.myTickets', section: 'tickets', status: searchError ? 400 : 200 },
      {
        noAccess: null,
        state,
        searchError,
        mayCreate: options.mayCreate,
        projects: options.projects,
        choices,
        quickLinks: QuickLink.options.map((view) => ({ label: t(`tickets.quick.${view}`), href: listHref({ ...state, view, page: 1 }), current: view === state.view })),
        clearHref: listHref({ ...state, project: null, task: null, priority: null, status: null, q: '', page: 1 }),
        columns: COLUMNS.map((c) => {
          const label = t(c.label);
          if (!c.sort) return { label, href: null, ariaSort: null, sortLabel: null };
          const current = state.sort === c.sort;
          const dir = current ? (state.dir === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[c.sort];
          return { label, href: listHref({ ...state, sort: c.sort, dir, page: 1 }), ariaSort: current ? (state.dir === 'asc' ? 'ascending' : 'descending') : null, sortLabel: t('tickets.sortBy', { column: label }) };
        }),
        rows: page.rows.map((row) => ({
          reference: formatTicketNumber(row.number),
          href: `/tickets/${row.number}`,
          title: row.title,
          status: choices.statusLabel(row.status),
          priority: choices.priorityLabel(row.priority),
          project: `${row.projectName} / ${row.taskName}`,
          assignee: row.assigneeName ?? t('ticket.nobody'),
          updated: formatWhen(row.updatedAt, lang, timeZone, false),
        })),
        countText: page.total === 0 ? t('tickets.none') : t('tickets.count', { from: first, to: Math.min(first + page.rows.length - 1, page.total), total: page.total }),
        pageText: t('tickets.pageOf', { page: state.page, pages }),
        prevHref: state.page > 1 ? listHref({ ...state, page: Math.min(state.page - 1, pages) }) : null,
        nextHref: state.page < pages ? listHref({ ...state, page: state.page + 1 }) : null,
      },
    );
  });
}
