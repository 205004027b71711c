import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

export type StaffListQuery = InputOf<'staff:list'>;
export type StaffSort = NonNullable<StaffListQuery['sort']>;

/** Query keys of the staff domain; the first element is the domain the cache invalidates by. */
export const staffKeys = {
  all: ['staff'] as const,
  list: (query: StaffListQuery) => ['staff', 'list', query] as const,
  detail: (id: number) => ['staff', 'detail', id] as const,
};

export function useStaffList(query: StaffListQuery) {
  return useQuery({ queryKey: staffKeys.list(query), queryFn: () => call('staff:list', query), placeholderData: keepPreviousData });
}

export function useStaffMember(id: number | null) {
  return useQuery({ queryKey: staffKeys.detail(id ?? 0), queryFn: () => call('staff:get', { id: id ?? 0 }), enabled: id !== null });
}

export const useCreateStaffMember = () => useChannelMutation('staff:create');
export const useUpdateStaffMember = () => useChannelMutation('staff:update');
