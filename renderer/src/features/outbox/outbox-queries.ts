import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

export type OutboxQuery = InputOf<'outbox:list'>;

/** The outbox changes without anyone clicking (the worker sends): it is refreshed every few seconds while shown. */
export function useOutbox(query: OutboxQuery) {
  return useQuery({
    queryKey: ['outbox', 'list', query],
    queryFn: () => call('outbox:list', query),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
    meta: { domains: ['settings'] },
  });
}

export function useOutboxMail(id: number | null) {
  return useQuery({ queryKey: ['outbox', 'detail', id ?? 0], queryFn: () => call('outbox:get', { id: id ?? 0 }), enabled: id !== null });
}

export const useRetryMail = () => useChannelMutation('outbox:retry');
export const useCancelMail = () => useChannelMutation('outbox:cancel');
