import { IMPORT_REJECTIONS, type ImportOutcome } from '../../../shared/api/account-import';
import { readImportFile } from '../../../shared/account-import/import-file';
import { runImport, type ImportProgress } from '../../../shared/account-import/run-import';
import { CsvFileError, fillTemplate } from '../../../shared/csv/csv-file-error';
import type { CommandLine } from '../../core/portier-core';

export { IMPORT_COLUMNS } from '../../../shared/account-import/import-file';

/** The file itself is unusable (no header, unknown or missing columns, broken quoting): nothing is imported. */
export class ImportFileError extends Error {}

/** A rejected row's reason in the words the CLI has always printed. */
export const reasonText = (outcome: ImportOutcome): string => (outcome.reason ? fillTemplate(IMPORT_REJECTIONS[outcome.reason.code], outcome.reason.params) : '');

/** Rows per request from the CLI: large enough that the per-request work is small beside the writing. */
const CLI_CHUNK = 2000;

/**
 * Imports portal accounts from CSV text through the core's `portal-accounts:import`, as the
 * screen does. Each row stands alone: good rows are created, bad rows are rejected with
 * their line and reason. With dryRun nothing is created and the report is the same.
 */
export async function importAccounts(
  cli: CommandLine,
  text: string,
  options: { dryRun?: boolean; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<ImportOutcome[]> {
  let file;
  try {
    file = readImportFile(text);
  } catch (error) {
    if (error instanceof CsvFileError) throw new ImportFileError(error.message);
    throw error;
  }
  const report = await runImport(file, (rows, dryRun) => cli.call('portal-accounts:import', { rows, dryRun }), {
    dryRun: options.dryRun === true,
    chunkSize: CLI_CHUNK,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return report.outcomes;
}
