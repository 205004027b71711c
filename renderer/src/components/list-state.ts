import { create } from 'zustand';
import { resetOnSignOut } from './session-stores';

export type Direction = 'asc' | 'desc';

/** What a list screen asks the core for; kept per list so going back to a list keeps its search and page. */
export interface ListState<S extends string = string> {
  search: string;
  sort: S;
  direction: Direction;
  offset: number;
}

interface ListStore {
  lists: Record<string, ListState>;
  update: (id: string, patch: Partial<ListState>) => void;
}

const useListStore = resetOnSignOut(
  create<ListStore>((set) => ({
    lists: {},
    update: (id, patch) =>
      set((state) => ({ lists: { ...state.lists, [id]: { ...(state.lists[id] as ListState), ...patch } } })),
  })),
);

export const PAGE_SIZE = 50;

/** The search/sort/page of one list, and setters that go back to the first page whenever the result set changes. */
export function useListState<S extends string>(id: string, defaultSort: S) {
  const stored = useListStore((s) => s.lists[id]) as ListState<S> | undefined;
  const update = useListStore((s) => s.update);
  const state: ListState<S> = stored ?? { search: '', sort: defaultSort, direction: 'asc', offset: 0 };
  const write = (patch: Partial<ListState<S>>) => update(id, { ...state, ...patch });
  return {
    ...state,
    setSearch: (search: string) => write({ search, offset: 0 }),
    /** Clicking the sorted column again flips the direction, as in every spreadsheet. */
    toggleSort: (sort: S) =>
      write({ sort, direction: state.sort === sort && state.direction === 'asc' ? 'desc' : 'asc', offset: 0 }),
    setOffset: (offset: number) => write({ offset: Math.max(0, offset) }),
  };
}
