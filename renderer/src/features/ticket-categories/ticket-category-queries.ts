import { useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

type CategoryListQuery = InputOf<'ticket-categories:list'>;

/** Categories live in the tickets domain: their channels change 'tickets'. */
export const ticketCategoryKeys = {
  list: (query: CategoryListQuery) => ['tickets', 'categories', query] as const,
};

export function useTicketCategories(query: CategoryListQuery) {
  return useQuery({ queryKey: ticketCategoryKeys.list(query), queryFn: () => call('ticket-categories:list', query) });
}

export const useCreateTicketCategory = () => useChannelMutation('ticket-categories:create');
export const useUpdateTicketCategory = () => useChannelMutation('ticket-categories:update');
export const useArchiveTicketCategory = () => useChannelMutation('ticket-categories:archive');
