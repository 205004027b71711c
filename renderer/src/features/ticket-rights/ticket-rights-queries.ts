import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { InputOf } from '../../../../shared/api';
import type { RightHolder } from '../../../../shared/api/ticket-rights';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import { PICKER_PAGE, type PickerQuery } from '../../components/SearchPicker';

export type RightsPreviewInput = InputOf<'ticket-rights:preview'>;

/** Query keys of the ticket-rights domain; the holder sits in an object so a revoked right's id never matches it. */
export const ticketRightsKeys = {
  all: ['ticket-rights'] as const,
  list: (holder: RightHolder) => ['ticket-rights', 'list', { holder }] as const,
  settings: () => ['ticket-rights', 'settings'] as const,
  preview: (input: RightsPreviewInput) => ['ticket-rights', 'preview', input] as const,
  projects: (organisationId: number, internal: boolean, search: string, language: string) => ['projects', 'for-rights', { organisationId, internal, search, language }] as const,
  taskSearch: (projectId: number, search: string) => ['projects', 'tasks-for-rights', { projectId, search }] as const,
};

/** A holder's rights, live and revoked; nothing is asked while the holder is not known yet. */
export function useTicketRights(holder: RightHolder | null) {
  return useQuery({
    queryKey: ticketRightsKeys.list(holder ?? { personId: 0 }),
    queryFn: () => call('ticket-rights:list', { holder: holder ?? { personId: 0 }, includeRevoked: true }),
    enabled: holder !== null,
    meta: { domains: ['projects'] },
  });
}

export function useTicketAccessSettings() {
  return useQuery({ queryKey: ticketRightsKeys.settings(), queryFn: () => call('ticket-rights:get-settings', {}), meta: { domains: ['settings'] } });
}

/**
 * The projects a contact of the organisation may get rights on, searched in the core as staff
 * type: its own customer projects, and the internal ones while the setting allows them.
 */
export const grantableProjectPicker =
  (t: TFunction, language: string, organisationId: number, internalAllowed: boolean) =>
  (search: string): PickerQuery => ({
    queryKey: ticketRightsKeys.projects(organisationId, internalAllowed, search, language),
    queryFn: async () => {
      const own = await call('projects:list', { organisationId, internal: false, search, sort: 'name', limit: PICKER_PAGE });
      const internal = internalAllowed ? await call('projects:list', { internal: true, search, sort: 'name', limit: PICKER_PAGE }) : { rows: [], total: 0 };
      return {
        rows: [...own.rows, ...internal.rows].map((p) => ({ id: p.id, name: p.internal ? t('ticketRights.internal', { name: p.name }) : p.name })),
        total: own.total + internal.total,
      };
    },
    meta: { domains: ['organisations', 'settings'] },
  });

/** Whether the organisation's contacts may get a right on any project at all (the editor says so when not). */
export function useHasGrantableProjects(organisationId: number, internalAllowed: boolean) {
  return useQuery({
    queryKey: ticketRightsKeys.projects(organisationId, internalAllowed, '', 'count'),
    queryFn: async () => {
      const own = await call('projects:list', { organisationId, internal: false, limit: 1 });
      const internal = internalAllowed ? await call('projects:list', { internal: true, limit: 1 }) : { total: 0 };
      return own.total + internal.total > 0;
    },
    meta: { domains: ['organisations', 'settings'] },
  });
}

/** The open tasks of the project whose name contains the search (a one-task right). */
export const rightTaskPicker =
  (projectId: number | null) =>
  (search: string): PickerQuery => ({
    queryKey: ticketRightsKeys.taskSearch(projectId ?? 0, search),
    queryFn: async () => {
      if (projectId === null) return { rows: [], total: 0 };
      const page = await call('tasks:list', { projectId, search, sort: 'name', limit: PICKER_PAGE });
      return { rows: page.rows.map((task) => ({ id: task.id, name: task.name })), total: page.total };
    },
  });

/** What the contact would gain and lose; null while there is nothing to preview. */
export function useRightsPreview(input: RightsPreviewInput | null) {
  return useQuery({
    queryKey: ticketRightsKeys.preview(input ?? { holder: { personId: 0 } }),
    queryFn: () => call('ticket-rights:preview', input as RightsPreviewInput),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    meta: { domains: ['projects', 'tickets', 'settings'] },
  });
}

export const useGrantTicketRight = () => useChannelMutation('ticket-rights:grant');
export const useRevokeTicketRight = () => useChannelMutation('ticket-rights:revoke');
export const useUpdateTicketAccessSettings = () => useChannelMutation('ticket-rights:update-settings');
