import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import type { RightHolder } from '../../../../shared/api/ticket-rights';
import type { ViewContact } from '../../../../shared/api/ticket-view';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import { PICKER_PAGE, type PickerQuery } from '../../components/SearchPicker';

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

/** Case and accents aside, as the core's search keys compare ("Bäckerei" is found by "backerei"). */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * The view-as list's project filter: the projects the contact holds a live right on (rights
 * alone decide what a contact sees, so its tickets lie on no other project) whose name contains
 * the search. One contact's rights are a short list the editor shows whole, so they are
 * searched here rather than in SQL.
 */
export const rightProjectPicker =
  (holder: RightHolder | null) =>
  (search: string): PickerQuery => ({
    queryKey: ['ticket-rights', 'list', { holder: holder ?? { personId: 0 }, projectsMatching: search }],
    queryFn: async () => {
      if (holder === null) return { rows: [], total: 0 };
      const rights = await call('ticket-rights:list', { holder, includeRevoked: false });
      const wanted = folded(search);
      const projects = [...new Map(rights.map((r) => [r.projectId, { id: r.projectId, name: r.projectName }])).values()]
        .filter((p) => folded(p.name).includes(wanted))
        .sort((a, b) => a.name.localeCompare(b.name));
      return { rows: projects.slice(0, PICKER_PAGE), total: projects.length };
    },
    meta: { domains: ['projects'] },
  });
