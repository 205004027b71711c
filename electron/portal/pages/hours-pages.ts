import type { FastifyInstance } from 'fastify';
import { IntervalKind } from '../../../shared/api/hours';
import { AppError, type FieldError } from '../../../shared/errors';
import type { UiLanguage } from '../../../shared/api/common';
import { queryText } from '../form-fields';
import { formatHours, formatInterval } from '../portal-format';
import type { PortalKit } from '../portal-kit';
import { portalText } from '../text';
import { notFoundPage } from './ticket-page-kit';

/** The default period: this month and the eleven before it, up to today. */
function defaultPeriod(today: Date): { from: string; to: string } {
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
  return { from: from.toISOString().slice(0, 10), to: today.toISOString().slice(0, 10) };
}

function periodProblem(lang: UiLanguage, error: FieldError): string {
  if (error.code === 'too_small') return portalText(lang, 'hours.toBeforeFrom');
  if (error.code === 'too_big') return portalText(lang, 'hours.tooLong');
  return portalText(lang, 'hours.dateFormat');
}

/**
 * /hours: the prepaid hour cards report of the organisation the account acts for, for accounts
 * with the hours-report permission (everyone else gets the portal's 404, as for any page that
 * is not theirs). A GET form chooses the period and interval; no script needed.
 */
export function registerHoursPages(app: FastifyInstance, kit: PortalKit): void {
  app.get('/hours', async (request, reply) => {
    const me = await kit.requireMe(request, reply);
    if (!me) return reply;
    if (!me.permissions.includes('reports.hours')) return notFoundPage(kit, request, reply);
    const lang = me.language;
    const fallback = defaultPeriod(new Date());
    const interval = IntervalKind.safeParse(queryText(request.query, 'interval'));
    const values = {
      interval: interval.success ? interval.data : 'month',
      from: queryText(request.query, 'from').slice(0, 40) || fallback.from,
      to: queryText(request.query, 'to').slice(0, 40) || fallback.to,
    };
    const errors: Record<string, string> = {};
    let report = null;
    try {
      report = await kit.call(request, 'portal-hours:report', values);
    } catch (error) {
      if (error instanceof AppError && error.code === 'FORBIDDEN') return notFoundPage(kit, request, reply);
      if (!(error instanceof AppError && error.code === 'VALIDATION')) throw error;
      for (const [field, problem] of Object.entries(error.fields ?? {})) errors[field === 'from' ? 'from' : 'to'] ??= periodProblem(lang, problem);
    }
    const hours = (minutes: number) => portalText(lang, 'hours.unit', { hours: formatHours(minutes, lang) });
    return kit.page(request, reply, 'hours', { title: 'hours.nav', section: 'hours', status: report ? 200 : 400 }, {
      values,
      errors,
      intervals: IntervalKind.options.map((value) => ({ value, label: portalText(lang, `hours.interval.${value}`) })),
      organisation: me.organisation.name,
      rows: (report?.rows ?? []).map((r) => ({
        label: formatInterval(values.interval, r.from, r.to, lang),
        before: hours(r.beforeMinutes),
        bought: hours(r.boughtMinutes),
        used: hours(r.usedMinutes),
        after: hours(r.afterMinutes),
        available: hours(r.availableMinutes),
        overdraft: hours(r.overdraftMinutes),
      })),
      shown: report !== null,
    });
  });
}
