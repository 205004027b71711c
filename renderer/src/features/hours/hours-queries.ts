import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

export type HoursReportInput = InputOf<'hours:report'>;

/**
 * Query keys of the hours domain. The organisation id sits inside an object, never bare:
 * after `hour-cards:delete` of card 7 the cache forgets keys holding the number 7, and
 * organisation 7's card list must not be one of them.
 */
export const hoursKeys = {
  all: ['hours'] as const,
  cards: (organisationId: number) => ['hours', 'cards', { organisationId }] as const,
  report: (query: HoursReportInput) => ['hours', 'report', query] as const,
};

export function useHourCards(organisationId: number) {
  return useQuery({
    queryKey: hoursKeys.cards(organisationId),
    queryFn: () => call('hour-cards:list', { organisationId }),
    // What a card has given comes from time booked on the organisation's projects.
    meta: { domains: ['projects', 'tickets'] },
  });
}

/** The report for a query the screen found valid; null while it is not, keeping the last report on screen. */
export function useHoursReport(query: HoursReportInput | null) {
  return useQuery({
    queryKey: hoursKeys.report(query ?? { organisationId: 0, from: '', to: '' }),
    queryFn: () => call('hours:report', query as HoursReportInput),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    // Cards change in this domain; time entries and projects are written by other domains.
    meta: { domains: ['organisations', 'projects', 'tickets'] },
  });
}

export const useCreateHourCard = () => useChannelMutation('hour-cards:create');
export const useDeleteHourCard = () => useChannelMutation('hour-cards:delete');
export const useHoursReportCsv = () => useChannelMutation('hours:report-csv');
export const useHoursReportPdf = () => useChannelMutation('hours:report-pdf');
