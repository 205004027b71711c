import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

/** The password policy lives with the settings: saving it refreshes every query of that domain. */
export const passwordPolicyKey = ['settings', 'password-policy'] as const;

/** The stored policy; `enabled: false` where it is not needed (or cannot be read, before sign-in). */
export function usePasswordPolicy({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: passwordPolicyKey, queryFn: () => call('password-policy:get', {}), enabled });
}

export const useUpdatePasswordPolicy = () => useChannelMutation('password-policy:update');
