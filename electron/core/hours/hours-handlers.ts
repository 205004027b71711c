import type { hoursApi } from '../../../shared/api/hours';
import { actorOf, type Handlers } from '../context';
import { createHourCard, deleteHourCard, listHourCards } from './hour-card-service';
import { hoursReport, hoursReportCsvFile, hoursReportPdfFile } from './hours-report-service';

export const hoursHandlers: Handlers<keyof typeof hoursApi> = {
  'hour-cards:list': (input, { deps }) => listHourCards(deps, input.organisationId),
  'hour-cards:create': (input, ctx) => createHourCard(ctx.deps, actorOf(ctx), input),
  'hour-cards:delete': (input, ctx) => deleteHourCard(ctx.deps, actorOf(ctx), input.id),
  'hours:report': (input, { deps }) => hoursReport(deps, input),
  'hours:report-csv': (input, { deps }) => hoursReportCsvFile(deps, input),
  'hours:report-pdf': (input, { deps }) => hoursReportPdfFile(deps, input),
};
