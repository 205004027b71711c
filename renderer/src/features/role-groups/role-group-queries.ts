import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

export const roleGroupKeys = {
  list: ['role-groups', 'list'] as const,
  detail: (id: number) => ['role-groups', 'detail', id] as const,
};

/** Every role group (there are few), with permissions and how many accounts use each. Counts change with accounts too. */
export function useRoleGroups() {
  return useQuery({ queryKey: roleGroupKeys.list, queryFn: () => call('role-groups:list', {}), meta: { domains: ['portal-accounts'] } });
}

export function useRoleGroup(id: number | null) {
  return useQuery({
    queryKey: roleGroupKeys.detail(id ?? 0),
    queryFn: () => call('role-groups:get', { id: id ?? 0 }),
    enabled: id !== null,
    meta: { domains: ['portal-accounts'] },
  });
}

export const useCreateRoleGroup = () => useChannelMutation('role-groups:create');
export const useUpdateRoleGroup = () => useChannelMutation('role-groups:update');
export const useDeleteRoleGroup = () => useChannelMutation('role-groups:delete');
