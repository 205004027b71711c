import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import { call } from '../../api/client';

export type AuditQuery = InputOf<'audit:list'>;

/** Query keys of the audit domain. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditQuery) => ['audit', 'list', query] as const,
};

export function useAuditLog(query: AuditQuery) {
  return useQuery({ queryKey: auditKeys.list(query), queryFn: () => call('audit:list', query), placeholderData: keepPreviousData });
}
