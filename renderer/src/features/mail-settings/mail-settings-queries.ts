import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

/** Keys under the domains the contract's `changes` name, so a save refreshes what it touched. */
export const mailSettingsKeys = {
  smtp: ['settings', 'smtp'] as const,
  activation: ['settings', 'activation'] as const,
  templates: ['mail-templates', 'list'] as const,
};

/** Administrators only: the core refuses everyone else. */
export function useSmtpSettings() {
  return useQuery({ queryKey: mailSettingsKeys.smtp, queryFn: () => call('smtp:get', {}) });
}

export function useActivationSettings() {
  return useQuery({ queryKey: mailSettingsKeys.activation, queryFn: () => call('activation-settings:get', {}) });
}

export function useMailTemplates() {
  return useQuery({ queryKey: mailSettingsKeys.templates, queryFn: () => call('mail-templates:list', {}) });
}

export const useUpdateSmtpSettings = () => useChannelMutation('smtp:update');
export const useSendTestMail = () => useChannelMutation('smtp:test');
export const useUpdateActivationSettings = () => useChannelMutation('activation-settings:update');
export const useSetLetterheadLogo = () => useChannelMutation('activation-settings:set-logo');
export const useRemoveLetterheadLogo = () => useChannelMutation('activation-settings:remove-logo');
export const useUpdateMailTemplate = () => useChannelMutation('mail-templates:update');
export const useResetMailTemplate = () => useChannelMutation('mail-templates:reset');
