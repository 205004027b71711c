import { z } from 'zod';
import { ContactTicketSort, QuickLink, TicketPriority, TicketStatus } from '../../../shared/api/ticket-view';
import { queryText } from '../form-fields';

/** Tickets per page of the customer's list. */
export const PAGE_SIZE = 25;
/** The last page a link may ask for (the contract's offset limit). */
const MAX_PAGE = Math.floor(10_000_000 / PAGE_SIZE);

type Sort = z.infer<typeof ContactTicketSort>;

/** The list's state as its address holds it: what the GET form and the paging and sorting links carry. */
export interface ListState {
  view: QuickLink;
  project: number | null;
  task: number | null;
  priority: z.infer<typeof TicketPriority> | null;
  status: z.infer<typeof TicketStatus> | null;
  /** The search text as typed (the core refuses what it may not take, next to the field). */
  q: string;
  sort: Sort;
  dir: 'asc' | 'desc';
  page: number;
}

const DEFAULTS: ListState = { view: 'open', project: null, task: null, priority: null, status: null, q: '', sort: 'updated', dir: 'desc', page: 1 };

/** The direction a column sorts in when first chosen: newest and most urgent first, words A to Z. */
export const FIRST_DIRECTION: Record<Sort, 'asc' | 'desc'> = { updated: 'desc', number: 'desc', title: 'asc', priority: 'desc', status: 'asc' };

const id = (text: string): number | null => (/^\d{1,15}$/.test(text) && Number(text) > 0 && Number.isSafeInteger(Number(text)) ? Number(text) : null);
const oneOf = <T extends string>(schema: z.ZodType<T>, text: string): T | null => {
  const parsed = schema.safeParse(text);
  return parsed.success ? parsed.data : null;
};

/** Reads the list's state from the address; a value no form or link of the portal sends counts as absent. */
export function readListState(query: unknown): ListState {
  const page = id(queryText(query, 'page'));
  const sort = oneOf(ContactTicketSort, queryText(query, 'sort')) ?? DEFAULTS.sort;
  return {
    view: oneOf(QuickLink, queryText(query, 'view')) ?? DEFAULTS.view,
    project: id(queryText(query, 'project')),
    task: id(queryText(query, 'task')),
    priority: oneOf(TicketPriority, queryText(query, 'priority')),
    status: oneOf(TicketStatus, queryText(query, 'status')),
    q: queryText(query, 'q').slice(0, 1000),
    sort,
    dir: oneOf(z.enum(['asc', 'desc']), queryText(query, 'dir')) ?? FIRST_DIRECTION[sort],
    page: Math.min(page ?? 1, MAX_PAGE),
  };
}

/** The address of the list in STATE; defaults are left out, so the plain /tickets is the default list. */
export function listHref(state: ListState): string {
  const params = new URLSearchParams();
  if (state.view !== DEFAULTS.view) params.set('view', state.view);
  if (state.project !== null) params.set('project', String(state.project));
  if (state.task !== null) params.set('task', String(state.task));
  if (state.priority !== null) params.set('priority', state.priority);
  if (state.status !== null) params.set('status', state.status);
  if (state.q !== '') params.set('q', state.q);
  if (state.sort !== DEFAULTS.sort || state.dir !== FIRST_DIRECTION[state.sort]) {
    params.set('sort', state.sort);
    params.set('dir', state.dir);
  }
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text === '' ? '/tickets' : `/tickets?${text}`;
}

/** The core's query for STATE. */
export function listQuery(state: ListState) {
  return {
    quickLink: state.view,
    ...(state.project !== null ? { projectId: state.project } : {}),
    ...(state.task !== null ? { taskId: state.task } : {}),
    ...(state.priority !== null ? { priority: state.priority } : {}),
    ...(state.status !== null ? { status: state.status } : {}),
    search: state.q,
    sort: state.sort,
    direction: state.dir,
    offset: (state.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}
