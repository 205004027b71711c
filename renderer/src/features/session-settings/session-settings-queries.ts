import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

/** The session settings live with the settings: saving them refreshes every query of that domain. */
export const sessionSettingsKey = ['settings', 'session-settings'] as const;

export function useSessionSettings() {
  return useQuery({ queryKey: sessionSettingsKey, queryFn: () => call('session-settings:get', {}) });
}

export const useUpdateSessionSettings = () => useChannelMutation('session-settings:update');
