import type { ImportOutcome, ImportRow } from '../api/account-import';
import type { ImportFile } from './import-file';

/** Sends one chunk of rows to the core (`portal-accounts:import`). */
export type SendImportChunk = (rows: ImportRow[], dryRun: boolean) => Promise<ImportOutcome[]>;

export interface ImportProgress {
  done: number;
  total: number;
}

export interface RunImportOptions {
  dryRun: boolean;
  /** Rows per request (default 1,000). */
  chunkSize?: number;
  /** Bytes of JSON per request at most (browser mode refuses bodies above 1 MiB); a row above it goes alone. */
  maxChunkBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Stops between chunks: what was imported stays, the rest is not sent. */
  signal?: AbortSignal;
}

/** The report of an import: every row of the file in line order, and whether it was cancelled part-way. */
export interface ImportReport {
  outcomes: ImportOutcome[];
  cancelled: boolean;
}

/**
 * Runs an import through the core chunk by chunk, the same way for the CLI and the
 * screen; the report merges the file's own rejections with the core's answers.
 */
/** Where each chunk ends: at most `size` rows and, when given, `maxBytes` of JSON. */
function chunkEnds(rows: readonly ImportRow[], size: number, maxBytes: number | undefined): number[] {
  const ends: number[] = [];
  const encoder = new TextEncoder();
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const rowBytes = maxBytes === undefined ? 0 : encoder.encode(JSON.stringify(rows[i])).length + 1;
    if (i > start && (i - start >= size || (maxBytes !== undefined && bytes + rowBytes > maxBytes))) {
      ends.push(i);
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (rows.length > start) ends.push(rows.length);
  return ends;
}

export async function runImport(file: ImportFile, send: SendImportChunk, options: RunImportOptions): Promise<ImportReport> {
  const size = options.chunkSize ?? 1000;
  const outcomes: ImportOutcome[] = [];
  const total = file.rows.length + file.rejected.length;
  // Rows the file itself refused count as done once the import has passed their line.
  const refusedUpTo = (line: number) => file.rejected.filter((r) => r.line <= line);
  let cancelled = false;
  let lastLine = 0;
  let reported = 0;
  const report = (done: number) => {
    reported = done;
    options.onProgress?.({ done, total });
  };
  report(0);
  let at = 0;
  for (const end of chunkEnds(file.rows, size, options.maxChunkBytes)) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    const chunk = file.rows.slice(at, end);
    outcomes.push(...(await send(chunk, options.dryRun)));
    lastLine = chunk[chunk.length - 1]?.line ?? lastLine;
    at = end;
    report(at + refusedUpTo(lastLine).length);
  }
  outcomes.push(...(cancelled ? refusedUpTo(lastLine) : file.rejected));
  if (!cancelled && reported !== total) report(total);
  outcomes.sort((a, b) => a.line - b.line);
  return { outcomes, cancelled };
}
