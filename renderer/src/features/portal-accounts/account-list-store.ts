import { create } from 'zustand';
import { resetOnSignOut } from '../../components/session-stores';
import type { AccountStatus, QuickFilter } from '../../../../shared/api/portal-accounts';
import type { AccountListFilter, AccountSort } from './portal-account-queries';

interface AccountListState {
  search: string;
  filter: QuickFilter;
  status: AccountStatus | '';
  sort: AccountSort;
  direction: 'asc' | 'desc';
  set: (patch: Partial<Omit<AccountListState, 'set' | 'toggleSort'>>) => void;
  toggleSort: (sort: AccountSort) => void;
}

const INITIAL = { search: '', filter: 'all', status: '', sort: 'username', direction: 'asc' } as const;

/** The account list's filters and order; kept while the user visits accounts and comes back. */
export const useAccountListStore = resetOnSignOut(
  create<AccountListState>((set) => ({
    ...INITIAL,
    set: (patch) => set(patch),
    toggleSort: (sort) => set((s) => ({ sort, direction: s.sort === sort && s.direction === 'asc' ? 'desc' : 'asc' })),
  })),
);

/** What the list asks the core for. */
export function listFilter(s: Pick<AccountListState, 'search' | 'filter' | 'status' | 'sort' | 'direction'>): AccountListFilter {
  return { search: s.search, filter: s.filter, sort: s.sort, direction: s.direction, ...(s.status ? { status: s.status } : {}) };
}
