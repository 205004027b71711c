import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

export type TicketListInput = InputOf<'tickets:list'>;
export type TicketSort = NonNullable<TicketListInput['sort']>;

/**
 * Query keys of the tickets domain. Ids sit inside objects, never bare: after
 * `time-entries:delete` of entry 7 the cache forgets keys holding the number 7, and
 * ticket 7's page must not be one of them.
 */
export const ticketKeys = {
  all: ['tickets'] as const,
  list: (query: TicketListInput) => ['tickets', 'list', query] as const,
  detail: (id: number) => ['tickets', 'detail', { id }] as const,
  history: (id: number, offset: number) => ['tickets', 'history', { id, offset }] as const,
  categories: (language: string) => ['tickets', 'categories', { language }] as const,
};

export function useTicketList(query: TicketListInput) {
  return useQuery({
    queryKey: ticketKeys.list(query),
    queryFn: () => call('tickets:list', query),
    placeholderData: keepPreviousData,
    // Rows show project, task, organisation, person and staff names.
    meta: { domains: ['projects', 'organisations', 'persons', 'staff'] },
  });
}

export function useTicket(id: number) {
  return useQuery({
    queryKey: ticketKeys.detail(id),
    queryFn: () => call('tickets:get', { id }),
    meta: { domains: ['projects', 'organisations', 'persons', 'staff'] },
  });
}

export function useTicketHistory(id: number, offset: number, limit: number) {
  return useQuery({
    queryKey: ticketKeys.history(id, offset),
    queryFn: () => call('tickets:history', { id, offset, limit }),
    placeholderData: keepPreviousData,
    // Time entries and moves write to the ticket's history too.
    meta: { domains: ['hours', 'audit'] },
  });
}

export function useTicketCategories(language: string) {
  return useQuery({
    queryKey: ticketKeys.categories(language),
    queryFn: () => call('ticket-categories:list', { language: language === 'nl' || language === 'de' ? language : 'en' }),
  });
}

/** Staff to assign tickets to; only administrators may list staff, others see themselves. */
export function useStaffOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['staff', 'list', { picker: true }] as const,
    queryFn: () => call('staff:list', { sort: 'name', limit: 500 }),
    enabled,
  });
}

export const useCreateTicket = () => useChannelMutation('tickets:create');
export const useUpdateTicket = () => useChannelMutation('tickets:update');
export const useCommentTicket = () => useChannelMutation('tickets:comment');
export const useAddAssignment = () => useChannelMutation('tickets:add-assignment');
export const useRemoveAssignment = () => useChannelMutation('tickets:remove-assignment');
export const useBookTime = () => useChannelMutation('time-entries:book');
export const useUpdateTimeEntry = () => useChannelMutation('time-entries:update');
export const useDeleteTimeEntry = () => useChannelMutation('time-entries:delete');
export const useLockTimeEntries = () => useChannelMutation('time-entries:lock');
