import { z } from 'zod';
import { CalendarDay, HoursReport, IntervalKind, MAX_REPORT_DAYS } from '../api/hours';
import { channel } from '../contract';

/** The period and interval of the customer's hours report; the organisation is the one the account acts for. */
export const PortalHoursQuery = z
  .strictObject({ interval: IntervalKind.default('month'), from: CalendarDay, to: CalendarDay })
  .refine((q) => q.from <= q.to, { path: ['to'], params: { fieldError: { code: 'too_small' } } })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_REPORT_DAYS, { path: ['to'], params: { fieldError: { code: 'too_big' } } });

/**
 * The prepaid hour cards report of the organisation the account acts for (before / after /
 * available per interval), for accounts with the reports.hours permission (FORBIDDEN otherwise).
 * It holds sums only: never a time entry, its note or an internal comment.
 */
export const portalHoursApi = {
  'portal-hours:report': channel({ access: 'portal', input: PortalHoursQuery, output: HoursReport }),
} as const;
