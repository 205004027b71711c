import { useRef, useState } from 'react';
import { BULK_CHUNK_SIZE, type TicketBulkReport, type TicketFilter } from '../../../../../shared/api/ticket-bulk';
import type { MoveVisibilityContact, TicketMoveReport } from '../../../../../shared/api/ticket-moves';

/** Rows a report lists; a bigger report shows the rest in its totals (10,000 table rows would stall the window). */
export const REPORT_ROWS = 200;

/** Which tickets a bulk action takes: chosen ids, or everything the staff list's filter shows. */
export type BulkTarget = { kind: 'ids'; ids: readonly number[] } | { kind: 'filter'; filter: TicketFilter; count: number };

/** The contract's target fields for a target. */
export const targetInput = (target: BulkTarget) => (target.kind === 'ids' ? { ticketIds: [...target.ids] } : { filter: target.filter, exceptIds: [] });

/** Ids in chunks of BULK_CHUNK_SIZE: one call (one transaction) each, so others may write in between. */
export function chunksOf(ids: readonly number[], size = BULK_CHUNK_SIZE): number[][] {
  const chunks: number[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  return chunks;
}

export function mergeBulkReports(reports: readonly TicketBulkReport[]): TicketBulkReport {
  const rows = reports.flatMap((r) => r.rows);
  const count = (outcome: string) => rows.filter((r) => r.outcome === outcome).length;
  return { done: reports.every((r) => r.done), rows, totals: { tickets: rows.length, changed: count('changed'), unchanged: count('unchanged'), refused: count('refused') } };
}

const contactKey = (c: MoveVisibilityContact) => `${c.kind}:${c.personId ?? ''}:${c.accountId ?? ''}:${c.organisationId ?? ''}`;

export function mergeMoveReports(reports: readonly TicketMoveReport[]): TicketMoveReport {
  const totals = { ...reports[0]!.totals };
  for (const r of reports.slice(1)) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += r.totals[key];
  const visibility = new Map<string, MoveVisibilityContact>();
  for (const c of reports.flatMap((r) => r.visibility)) {
    const known = visibility.get(contactKey(c));
    visibility.set(contactKey(c), known ? { ...known, gainsTicketIds: [...known.gainsTicketIds, ...c.gainsTicketIds], losesTicketIds: [...known.losesTicketIds, ...c.losesTicketIds] } : c);
  }
  return {
    done: reports.every((r) => r.done),
    rows: reports.flatMap((r) => r.rows),
    totals,
    notFoundTicketIds: reports.flatMap((r) => r.notFoundTicketIds),
    visibility: [...visibility.values()],
  };
}

export type ChunkProgress = {
  done: number;
  total: number;
};

/**
 * Runs a bulk action over ids chunk by chunk with progress; stop() lets the running chunk
 * finish and starts no other. Resolves with the chunks' reports and whether it was stopped.
 */
export function useChunkedRun<R>() {
  const [progress, setProgress] = useState<ChunkProgress | null>(null);
  const stopped = useRef(false);
  const run = async (ids: readonly number[], call: (chunk: number[]) => Promise<R>): Promise<{ reports: R[]; stopped: boolean; done: number }> => {
    stopped.current = false;
    const reports: R[] = [];
    let done = 0;
    setProgress({ done, total: ids.length });
    try {
      for (const chunk of chunksOf(ids)) {
        if (stopped.current) break;
        reports.push(await call(chunk));
        done += chunk.length;
        setProgress({ done, total: ids.length });
      }
    } finally {
      setProgress(null);
    }
    return { reports, stopped: done < ids.length, done };
  };
  return { run, progress, stop: () => (stopped.current = true) };
}
