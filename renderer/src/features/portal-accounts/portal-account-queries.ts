import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import type { AccountColumn } from '../../../../shared/api/portal-accounts';
import type { StaffMember } from '../../../../shared/api/staff';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import type { QueryMeta } from '../../api/query-client';

export type AccountListQuery = InputOf<'portal-accounts:list'>;
/** The list's filters and order, without paging. */
export type AccountListFilter = Omit<AccountListQuery, 'offset' | 'limit'>;
export type AccountSort = NonNullable<AccountListQuery['sort']>;

/** Rows show names of persons, organisations and groups: those changing refreshes the list too. */
const LIST_META: QueryMeta = { domains: ['persons', 'organisations', 'role-groups'] };

export const accountKeys = {
  all: ['portal-accounts'] as const,
  list: (query: AccountListQuery) => ['portal-accounts', 'list', query] as const,
  detail: (id: number) => ['portal-accounts', 'detail', id] as const,
  permissions: (id: number) => ['portal-accounts', 'effective-permissions', id] as const,
  sessions: (id: number) => ['portal-accounts', 'sessions', id] as const,
};

/** Rows per request of the virtualised list. */
export const ACCOUNT_PAGE_SIZE = 100;

export function useAccountList(query: AccountListQuery, enabled = true) {
  return useQuery({
    queryKey: accountKeys.list(query),
    queryFn: () => call('portal-accounts:list', query),
    placeholderData: keepPreviousData,
    meta: LIST_META,
    enabled,
  });
}

/**
 * The pages of the list a virtualised table needs: always the first (it carries the
 * total), plus those the visible rows fall in. Each page is cached on its own.
 */
export function useAccountPages(filter: AccountListFilter, pages: readonly number[]) {
  const wanted = [...new Set([0, ...pages])].sort((a, b) => a - b);
  const results = useQueries({
    queries: wanted.map((page) => {
      const query = { ...filter, offset: page * ACCOUNT_PAGE_SIZE, limit: ACCOUNT_PAGE_SIZE };
      return {
        queryKey: accountKeys.list(query),
        queryFn: () => call('portal-accounts:list', query),
        meta: LIST_META,
        // The first page carries the total: a new filter keeps the old rows and count on screen until it answers.
        ...(page === 0 ? { placeholderData: keepPreviousData } : {}),
      };
    }),
  });
  const byPage = new Map(wanted.map((page, i) => [page, results[i]]));
  return { byPage, first: results[0] };
}

export function useAccount(id: number | null) {
  return useQuery({
    queryKey: accountKeys.detail(id ?? 0),
    queryFn: () => call('portal-accounts:get', { id: id ?? 0 }),
    enabled: id !== null,
    meta: LIST_META,
  });
}

export function useEffectivePermissions(id: number | null) {
  return useQuery({
    queryKey: accountKeys.permissions(id ?? 0),
    queryFn: () => call('portal-accounts:effective-permissions', { id: id ?? 0 }),
    enabled: id !== null,
    meta: { domains: ['role-groups'] },
  });
}

/** The account's open portal sessions; they change without the back office (a customer signs in), so a revisit asks again. */
export function useAccountSessions(id: number) {
  return useQuery({ queryKey: accountKeys.sessions(id), queryFn: () => call('portal-accounts:sessions', { id }), staleTime: 0 });
}

export function useAccountColumns() {
  return useQuery({ queryKey: ['preferences', 'account-columns'], queryFn: () => call('preferences:get-account-columns', {}) });
}

export const useSetAccountColumns = () => useChannelMutation('preferences:set-account-columns');
export const useCreateAccount = () => useChannelMutation('portal-accounts:create');
export const useUpdateAccount = () => useChannelMutation('portal-accounts:update');
export const useSetAccountActive = () => useChannelMutation('portal-accounts:set-active');
export const useChangeUsername = () => useChannelMutation('portal-accounts:change-username');
export const useDeleteAccount = () => useChannelMutation('portal-accounts:delete');
export const useCreateAccountsForPersons = () => useChannelMutation('portal-accounts:create-for-persons');
export const useEndAccountSessions = () => useChannelMutation('portal-accounts:end-sessions');
export const useSetAccountPassword = () => useChannelMutation('portal-accounts:set-password');
export const useSendSetPasswordLink = () => useChannelMutation('portal-accounts:send-set-password-link');

/** Administrators and staff with the flag may change portal access; the core enforces it, the UI explains it. */
export const mayGrantAccess = (me: Pick<StaffMember, 'role' | 'mayGrantAccess'>): boolean => me.role === 'administrator' || me.mayGrantAccess;

export type { AccountColumn };
