import type { ticketJobsApi } from '../../../shared/api/ticket-jobs';
import type { Handlers } from '../context';
import { cancelTicketJob, startTicketBulkUpdateJob, startTicketMoveJob, ticketJobStatus } from './ticket-job-service';

export const ticketJobHandlers: Handlers<keyof typeof ticketJobsApi> = {
  'tickets:move-start': (input, ctx) => startTicketMoveJob(ctx, input),
  'tickets:bulk-update-start': (input, ctx) => startTicketBulkUpdateJob(ctx, input),
  'tickets:job-status': (input, ctx) => ticketJobStatus(ctx, input.jobId),
  'tickets:job-cancel': (input, ctx) => cancelTicketJob(ctx, input.jobId),
};
