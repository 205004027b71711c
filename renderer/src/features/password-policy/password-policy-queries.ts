import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

/** The password policy lives with the settings: saving it refreshes every query of that domain. */
export const passwordPolicyKey = ['settings', 'password-policy'] as const;

export function usePasswordPolicy() {
  return useQuery({ queryKey: passwordPolicyKey, queryFn: () => call('password-policy:get', {}) });
}

export const useUpdatePasswordPolicy = () => useChannelMutation('password-policy:update');
