import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import type { Domain } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

export type AccessReviewInput = InputOf<'reports:access'>;

/** Everything the review counts: accounts and their links, groups, rights, and the tickets those reach. */
const REVIEW_DOMAINS: Domain[] = ['portal-accounts', 'organisations', 'persons', 'role-groups', 'ticket-rights', 'projects', 'tickets', 'settings'];

/** The organisation id sits inside an object, never bare (deleting record 7 forgets keys holding the number 7). */
export const accessReviewKeys = {
  review: (query: AccessReviewInput) => ['access-review', query] as const,
};

export function useAccessReview(query: AccessReviewInput) {
  return useQuery({
    queryKey: accessReviewKeys.review(query),
    queryFn: () => call('reports:access', query),
    placeholderData: keepPreviousData,
    meta: { domains: REVIEW_DOMAINS },
  });
}

export const useAccessReviewCsv = () => useChannelMutation('reports:access-csv');
export const useAccessReviewXlsx = () => useChannelMutation('reports:access-xlsx');
export const useAccessReviewPdf = () => useChannelMutation('reports:access-pdf');
