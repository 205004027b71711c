import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

export type OrganisationListQuery = InputOf<'organisations:list'>;
export type OrganisationSort = NonNullable<OrganisationListQuery['sort']>;

/** Query keys of the organisations domain; the first element is the domain the cache invalidates by. */
export const organisationKeys = {
  all: ['organisations'] as const,
  list: (query: OrganisationListQuery) => ['organisations', 'list', query] as const,
  detail: (id: number) => ['organisations', 'detail', id] as const,
};

export function useOrganisationList(query: OrganisationListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: organisationKeys.list(query),
    queryFn: () => call('organisations:list', query),
    // Keep the old page on screen while the next one loads, instead of flashing an empty table.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useOrganisation(id: number | null) {
  return useQuery({
    queryKey: organisationKeys.detail(id ?? 0),
    queryFn: () => call('organisations:get', { id: id ?? 0 }),
    enabled: id !== null,
  });
}

export const useCreateOrganisation = () => useChannelMutation('organisations:create');
export const useUpdateOrganisation = () => useChannelMutation('organisations:update');
export const useDeleteOrganisation = () => useChannelMutation('organisations:delete');
