import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { TicketJobReport } from '../../../../../shared/api/ticket-jobs';
import { call } from '../../../api/client';
import { domainsChangedBy, invalidateDomains } from '../../../api/query-client';

/** How often the dialog asks a running job how far it is. */
const POLL_MS = 200;

/** How far a bulk job is: tickets done of total. */
export interface JobProgress {
  done: number;
  total: number;
}

/**
 * Runs a bulk action as a job in the core (one transaction for all its tickets): starts it,
 * asks how far it is every POLL_MS, and resolves with its report (cancelled after stop()).
 * The ticket lists refresh once, when the report is there: while the job runs, its transaction
 * holds the database, and a refresh would only wait for it.
 */
export function useTicketJob() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [stopping, setStopping] = useState(false);
  const jobId = useRef<string | null>(null);
  const stopAsked = useRef(false);

  const cancel = (id: string) => void call('tickets:job-cancel', { jobId: id }).catch(() => undefined);

  const run = async (start: () => Promise<{ jobId: string; total: number }>): Promise<TicketJobReport> => {
    stopAsked.current = false;
    setStopping(false);
    setProgress({ done: 0, total: 0 });
    try {
      const started = await start();
      jobId.current = started.jobId;
      setProgress({ done: 0, total: started.total });
      // Stop was pressed while the job was being started.
      if (stopAsked.current) cancel(started.jobId);
      for (;;) {
        const status = await call('tickets:job-status', { jobId: started.jobId });
        setProgress({ done: status.done, total: status.total });
        if (status.report) {
          if (status.report.kind !== 'cancelled') void invalidateDomains(client, domainsChangedBy('tickets:job-status'));
          return status.report;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } finally {
      jobId.current = null;
      setProgress(null);
      setStopping(false);
    }
  };

  /** Asks the job to stop: its transaction rolls back, nothing changes. */
  const stop = () => {
    stopAsked.current = true;
    setStopping(true);
    if (jobId.current) cancel(jobId.current);
  };

  return { run, progress, stopping, stop, running: progress !== null };
}
