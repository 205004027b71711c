import path from 'node:path';
import type { ParsedInputOf } from '../../../shared/api';
import type { DocumentFile } from '../../../shared/api/documents';
import type { HoursReport } from '../../../shared/api/hours';
import { AppError } from '../../../shared/errors';
import type { CoreDeps } from '../context';
import { hourBalance } from './hour-balance';
import { balanceCards, billableMinutesPerDay, organisationName, organisationProjects } from './hour-card-repository';
import { hoursReportCsv } from './hours-report-csv';
import { hoursReportPdf } from './hours-report-pdf';
import { reportIntervals } from './report-intervals';

type Query = ParsedInputOf<'hours:report'>;

/**
 * The organisation's prepaid balance per interval of the period: the cards and the billable time
 * from the very beginning up to the period's end are read (earlier time has used cards up), then
 * the pure ledger (hour-balance.ts) computes every row.
 */
export async function hoursReport(deps: CoreDeps, query: Query): Promise<HoursReport> {
  const name = await organisationName(deps.db, query.organisationId);
  if (name === undefined) throw new AppError('NOT_FOUND', `Organisation ${query.organisationId} does not exist.`, { fields: { organisationId: { code: 'not_found' } } });
  const projects = await organisationProjects(deps.db, query.organisationId);
  const wanted = new Set(query.projectIds);
  const unknown = [...wanted].find((id) => !projects.some((p) => p.id === id));
  if (unknown !== undefined) {
    throw new AppError('NOT_FOUND', `Project ${unknown} is not a project of this organisation.`, { fields: { projectIds: { code: 'not_found' } } });
  }
  const [cards, usage] = await Promise.all([balanceCards(deps.db, query.organisationId, query.to), billableMinutesPerDay(deps.db, query.organisationId, query.to)]);
  const intervals = reportIntervals(query.interval, query.from, query.to);
  return {
    organisationId: query.organisationId,
    organisationName: name,
    interval: query.interval,
    from: query.from,
    to: query.to,
    projects: projects.filter((p) => wanted.has(p.id)),
    rows: hourBalance(cards, usage, intervals, wanted.size > 0 ? wanted : null),
  };
}

/** A file name from the organisation and the period, with only characters every file system takes. */
function fileName(report: HoursReport, extension: string): string {
  const organisation = report.organisationName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'organisation';
  return `hours-${organisation}-${report.from}-${report.to}.${extension}`;
}

export async function hoursReportCsvFile(deps: CoreDeps, input: ParsedInputOf<'hours:report-csv'>): Promise<{ fileName: string; csv: string }> {
  const { language, ...query } = input;
  const report = await hoursReport(deps, query);
  return { fileName: fileName(report, 'csv'), csv: hoursReportCsv(report, language) };
}

export async function hoursReportPdfFile(deps: CoreDeps, input: ParsedInputOf<'hours:report-pdf'>): Promise<DocumentFile> {
  const { language, ...query } = input;
  const report = await hoursReport(deps, query);
  const pdf = await hoursReportPdf(report, language, path.join(deps.resourcesDir, 'fonts'));
  return { fileName: fileName(report, 'pdf'), mimeType: 'application/pdf', base64: pdf.toString('base64') };
}
