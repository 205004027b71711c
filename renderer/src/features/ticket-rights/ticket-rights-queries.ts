import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import type { RightHolder } from '../../../../shared/api/ticket-rights';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

export type RightsPreviewInput = InputOf<'ticket-rights:preview'>;

/** Query keys of the ticket-rights domain; the holder sits in an object so a revoked right's id never matches it. */
export const ticketRightsKeys = {
  all: ['ticket-rights'] as const,
  list: (holder: RightHolder) => ['ticket-rights', 'list', { holder }] as const,
  settings: () => ['ticket-rights', 'settings'] as const,
  preview: (input: RightsPreviewInput) => ['ticket-rights', 'preview', input] as const,
  projects: (organisationId: number, internal: boolean) => ['projects', 'for-rights', { organisationId, internal }] as const,
  tasks: (projectId: number) => ['projects', 'tasks-for-rights', { projectId }] as const,
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

/** The projects a contact of the organisation may get rights on: its own, and the internal ones while the setting allows them. */
export function useGrantableProjects(organisationId: number, internalAllowed: boolean) {
  return useQuery({
    queryKey: ticketRightsKeys.projects(organisationId, internalAllowed),
    queryFn: async () => {
      const own = await call('projects:list', { organisationId, limit: 500 });
      const internal = internalAllowed ? (await call('projects:list', { internal: true, limit: 500 })).rows : [];
      return [...own.rows.filter((p) => !p.internal), ...internal];
    },
  });
}

export function useProjectTasks(projectId: number | null) {
  return useQuery({
    queryKey: ticketRightsKeys.tasks(projectId ?? 0),
    queryFn: async () => (await call('tasks:list', { projectId: projectId ?? 0, limit: 500 })).rows,
    enabled: projectId !== null,
  });
}

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
