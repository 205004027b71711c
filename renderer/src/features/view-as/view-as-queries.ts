import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import type { ViewContact } from '../../../../shared/api/ticket-view';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

export type ViewAsQuery = InputOf<'ticket-view:list'>;

/** What decides what a contact sees: rights, projects and tasks, tickets, settings, the account itself. */
const ACCESS_DOMAINS = ['ticket-rights', 'projects', 'settings', 'portal-accounts', 'persons'] as const;

/** Keys start with 'tickets': the list and explain read tickets first of all. */
export const viewAsKeys = {
  list: (query: ViewAsQuery) => ['tickets', 'view-as', query] as const,
  explain: (contact: ViewContact, number: number) => ['tickets', 'view-as-explain', { contact, number }] as const,
};

export function useTicketsAs(query: ViewAsQuery) {
  return useQuery({ queryKey: viewAsKeys.list(query), queryFn: () => call('ticket-view:list', query), placeholderData: keepPreviousData, meta: { domains: ACCESS_DOMAINS } });
}

export function useExplain(contact: ViewContact, number: number | null) {
  return useQuery({
    queryKey: viewAsKeys.explain(contact, number ?? 0),
    queryFn: () => call('ticket-view:explain', { contact, number: number ?? 0 }),
    enabled: number !== null,
    meta: { domains: ACCESS_DOMAINS },
  });
}

/** Opening the view is audited: one call per opening, whatever the paging and filtering. */
export const useOpenTicketView = () => useChannelMutation('ticket-view:open');
