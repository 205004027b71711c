import type { portalHoursApi } from '../../../shared/portal-api/hours';
import { hoursReport } from '../hours/hours-report-service';
import { portalAccountOf, type PortalHandlers } from '../portal-context';
import { requirePermission } from '../portal-tickets/portal-ticket-access';

/**
 * The customer's hours report: the back office's report function for the organisation the
 * account acts for (never another), with the reports.hours permission. Its rows are sums per
 * interval; no time entry, note or comment is in it.
 */
export const portalHoursHandlers: PortalHandlers<keyof typeof portalHoursApi> = {
  'portal-hours:report': async (input, ctx) => {
    const principal = portalAccountOf(ctx);
    await requirePermission(ctx.deps.db, principal.accountId, 'reports.hours');
    return hoursReport(ctx.deps, { organisationId: principal.organisationId, interval: input.interval, from: input.from, to: input.to, projectIds: [] });
  },
};
