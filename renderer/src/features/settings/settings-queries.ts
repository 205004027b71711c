import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

/** Query keys of the settings domain. */
export const settingsKeys = {
  all: ['settings'] as const,
  current: ['settings', 'current'] as const,
};

export function useSettings() {
  return useQuery({ queryKey: settingsKeys.current, queryFn: () => call('settings:get', {}) });
}

export const useUpdateSettings = () => useChannelMutation('settings:update');
