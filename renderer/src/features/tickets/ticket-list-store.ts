import { create } from 'zustand';
import type { TicketPriority, TicketStatus } from '../../../../shared/api/tickets';
import { resetOnSignOut } from '../../components/session-stores';
import type { Direction } from '../../components/list-state';
import type { TicketSort } from './ticket-queries';

/** The staff ticket list's filters as chosen on screen; every one goes to the core's SQL. */
export interface TicketFilters {
  search: string;
  projectId: number | null;
  taskId: number | null;
  status: TicketStatus[];
  priority: TicketPriority[];
  /** 'none': tickets nobody is assigned to. */
  assigneeId: number | 'none' | null;
  contactPersonId: number | null;
  categoryId: number | null;
  sort: TicketSort;
  direction: Direction;
  offset: number;
}

export const NO_FILTERS: TicketFilters = {
  search: '',
  projectId: null,
  taskId: null,
  status: [],
  priority: [],
  assigneeId: null,
  contactPersonId: null,
  categoryId: null,
  sort: 'updated',
  direction: 'desc',
  offset: 0,
};

interface TicketListStore extends TicketFilters {
  /** Counts "clear filters", so the search box (which keeps its own typing) starts empty again. */
  cleared: number;
  /** Changes filters and goes back to the first page; a new project clears its task and contact. */
  filter: (patch: Partial<Omit<TicketFilters, 'sort' | 'direction' | 'offset'>>) => void;
  toggleSort: (sort: TicketSort) => void;
  setOffset: (offset: number) => void;
  clearFilters: () => void;
}

export const useTicketListStore = resetOnSignOut(
  create<TicketListStore>((set) => ({
    ...NO_FILTERS,
    cleared: 0,
    filter: (patch) =>
      set((state) => ({
        ...patch,
        ...('projectId' in patch && patch.projectId !== state.projectId ? { taskId: null, contactPersonId: null } : {}),
        offset: 0,
      })),
    toggleSort: (sort) => set((state) => ({ sort, direction: state.sort === sort && state.direction === 'desc' ? 'asc' : 'desc', offset: 0 })),
    setOffset: (offset) => set({ offset: Math.max(0, offset) }),
    clearFilters: () => set((state) => ({ ...NO_FILTERS, cleared: state.cleared + 1 })),
  })),
);

/** The core's query for filters as chosen on screen. */
export function toListQuery(f: TicketFilters, limit: number) {
  return {
    search: f.search,
    ...(f.projectId !== null ? { projectId: f.projectId } : {}),
    ...(f.taskId !== null ? { taskId: f.taskId } : {}),
    ...(f.status.length > 0 ? { status: f.status } : {}),
    ...(f.priority.length > 0 ? { priority: f.priority } : {}),
    ...(f.assigneeId !== null ? { assigneeId: f.assigneeId === 'none' ? null : f.assigneeId } : {}),
    ...(f.contactPersonId !== null ? { contactPersonId: f.contactPersonId } : {}),
    ...(f.categoryId !== null ? { categoryId: f.categoryId } : {}),
    sort: f.sort,
    direction: f.direction,
    offset: f.offset,
    limit,
  };
}
