import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import type { ChannelName, InputOf, OutputOf } from '../../../shared/api';
import type { AppError } from '../../../shared/errors';
import { call } from './client';
import { domainsChangedBy, forgetDeletedRecord, invalidateDomains } from './query-client';

/**
 * A mutation for one channel that, once it succeeds, invalidates every query of
 * the domains the contract says the channel changes. Features wrap it in a named hook.
 */
export function useChannelMutation<C extends ChannelName>(
  channel: C,
  options: Omit<UseMutationOptions<OutputOf<C>, AppError, InputOf<C>>, 'mutationFn'> = {},
) {
  const client = useQueryClient();
  return useMutation<OutputOf<C>, AppError, InputOf<C>>({
    ...options,
    mutationFn: (input) => call(channel, input),
    onSuccess: async (...args) => {
      forgetDeletedRecord(client, channel, args[1]);
      // Not awaited: the caller may navigate away first (after a delete the detail query would only fail).
      void invalidateDomains(client, domainsChangedBy(channel));
      await options.onSuccess?.(...args);
    },
  });
}
