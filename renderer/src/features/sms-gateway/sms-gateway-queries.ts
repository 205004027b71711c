import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

/** Under the settings domain the contract's `changes` name, so a save refreshes it. */
export const smsGatewayKeys = { settings: ['settings', 'sms-gateway'] as const };

/** Administrators only: the core refuses everyone else. */
export function useSmsGatewaySettings() {
  return useQuery({ queryKey: smsGatewayKeys.settings, queryFn: () => call('sms-gateway:get', {}) });
}

export const useUpdateSmsGateway = () => useChannelMutation('sms-gateway:update');
export const useRemoveSmsGateway = () => useChannelMutation('sms-gateway:remove');
