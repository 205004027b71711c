import { create } from 'zustand';
import { resetOnSignOut } from '../../components/session-stores';

interface TicketSelection {
  /** Ids of the selected tickets, kept across pages and filters (bulk actions act on them). */
  ids: ReadonlySet<number>;
  toggle: (id: number, on: boolean) => void;
  /** Selects (or unselects) many at once: "all on this page", Ctrl+A. */
  setMany: (ids: readonly number[], on: boolean) => void;
  clear: () => void;
}

/** The staff ticket list's row selection; the bulk actions read it from here. */
export const useTicketSelection = resetOnSignOut(
  create<TicketSelection>((set) => ({
    ids: new Set<number>(),
    toggle: (id, on) =>
      set((state) => {
        const ids = new Set(state.ids);
        if (on) ids.add(id);
        else ids.delete(id);
        return { ids };
      }),
    setMany: (many, on) =>
      set((state) => {
        const ids = new Set(state.ids);
        for (const id of many) {
          if (on) ids.add(id);
          else ids.delete(id);
        }
        return { ids };
      }),
    clear: () => set({ ids: new Set<number>() }),
  })),
);
