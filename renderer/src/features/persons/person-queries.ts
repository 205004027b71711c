import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import type { Person } from '../../../../shared/api/persons';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

export type PersonListQuery = InputOf<'persons:list'>;
export type PersonSort = NonNullable<PersonListQuery['sort']>;

/** Query keys of the persons domain; the first element is the domain the cache invalidates by. */
export const personKeys = {
  all: ['persons'] as const,
  list: (query: PersonListQuery) => ['persons', 'list', query] as const,
  detail: (id: number) => ['persons', 'detail', id] as const,
};

export function usePersonList(query: PersonListQuery) {
  return useQuery({
    queryKey: personKeys.list(query),
    queryFn: () => call('persons:list', query),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: number | null) {
  return useQuery({
    queryKey: personKeys.detail(id ?? 0),
    queryFn: () => call('persons:get', { id: id ?? 0 }),
    enabled: id !== null,
  });
}

export const useCreatePerson = () => useChannelMutation('persons:create');
export const useUpdatePerson = () => useChannelMutation('persons:update');
export const useDeletePerson = () => useChannelMutation('persons:delete');

/** "Dr. Anna de Vries": how a person is named in headings and lists. */
export function personName(p: Pick<Person, 'salutation' | 'firstName' | 'lastName'>): string {
  return [p.firstName, p.lastName].filter(Boolean).join(' ');
}
