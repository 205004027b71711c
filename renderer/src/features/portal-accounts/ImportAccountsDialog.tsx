import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../../shared/api/account-import';
import { readImportFile, type ImportFile } from '../../../../shared/account-import/import-file';
import { runImport, type ImportProgress, type ImportReport } from '../../../../shared/account-import/run-import';
import { CsvFileError } from '../../../../shared/csv/csv-file-error';
import { decodeCsvBytes } from '../../../../shared/csv/csv-text';
import { call } from '../../api/client';
import { domainsChangedBy, invalidateDomains } from '../../api/query-client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../i18n/format';

/** Rows per request: small enough that progress moves and Cancel answers within a moment. */
const CHUNK = 1000;
/** Browser mode takes request bodies up to 1 MiB; rows with long fields make smaller chunks. */
const CHUNK_BYTES = 512 * 1024;
/** Rejected rows listed in the dialog; a file with more is fixed from the first ones anyway. */
const SHOWN_REJECTIONS = 500;

type Stage =
  | { name: 'choose' }
  | { name: 'checking' | 'importing'; progress: ImportProgress }
  | { name: 'preview'; report: ImportReport }
  | { name: 'done'; report: ImportReport };

const send = (rows: ImportFile['rows'], dryRun: boolean) => call('portal-accounts:import', { rows, dryRun });
const count = (outcomes: readonly ImportOutcome[], outcome: ImportOutcome['outcome']) => outcomes.filter((o) => o.outcome === outcome).length;

/**
 * "Import accounts…": choose a CSV file, which is read here with the same code as the CLI
 * (shared/csv, shared/account-import); a dry run through the core previews the report;
 * then the import runs in chunks with a progress bar and Cancel, and the report stays.
 */
export function ImportAccountsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shownProgress = (p: ImportProgress) => ({ done: format.number(p.done), total: format.number(p.total) });
  const client = useQueryClient();
  const inputId = useId();
  const [stage, setStage] = useState<Stage>({ name: 'choose' });
  const [file, setFile] = useState<ImportFile | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const onFile = async (chosen: File | undefined) => {
    setError(null);
    setFileProblem(null);
    setNotice(null);
    setFile(null);
    if (!chosen) return;
    try {
      const decoded = decodeCsvBytes(new Uint8Array(await chosen.arrayBuffer()));
      if (decoded.encoding === 'windows-1252') setNotice(t('accountImport.windows1252', { line: decoded.firstNonUtf8Line }));
      const read = readImportFile(decoded.text);
      setFile(read);
      setStage({ name: 'checking', progress: { done: 0, total: read.rows.length + read.rejected.length } });
      const report = await runImport(read, send, { dryRun: true, chunkSize: CHUNK, maxChunkBytes: CHUNK_BYTES, onProgress: (progress) => setStage({ name: 'checking', progress }) });
      setStage({ name: 'preview', report });
    } catch (caught) {
      setStage({ name: 'choose' });
      if (caught instanceof CsvFileError) setFileProblem(t(`accountImport.fileProblems.${caught.problem}`, caught.params));
      else setError(caught);
    }
  };

  const onImport = async () => {
    if (!file) return;
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    try {
      const report = await runImport(file, send, {
        dryRun: false,
        chunkSize: CHUNK,
        maxChunkBytes: CHUNK_BYTES,
        signal: controller.signal,
        onProgress: (progress) => setStage({ name: 'importing', progress }),
      });
      setStage({ name: 'done', report });
    } catch (caught) {
      setError(caught);
      setStage({ name: 'choose' });
    } finally {
      abort.current = null;
      void invalidateDomains(client, domainsChangedBy('portal-accounts:import'));
    }
  };

  const busy = stage.name === 'checking' || stage.name === 'importing';
  const report = stage.name === 'preview' || stage.name === 'done' ? stage.report : null;
  const rejected = report?.outcomes.filter((o) => o.outcome === 'rejected') ?? [];
  const created = report ? count(report.outcomes, 'created') : 0;

  const actions =
    stage.name === 'importing' ? (
      <button type="button" className="button" onClick={() => abort.current?.abort()}>
        {t('accountImport.cancel')}
      </button>
    ) : stage.name === 'preview' ? (
      <>
        <button type="button" className="button button--primary" disabled={created === 0} onClick={() => void onImport()}>
          {t('accountImport.import', { count: created, shown: format.number(created) })}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('accountImport.cancel')}
        </button>
      </>
    ) : (
      <button type="button" className="button" onClick={onClose} disabled={busy}>
        {t('accountImport.close')}
      </button>
    );

  return (
    <Dialog wide title={t('accountImport.title')} onClose={() => (busy ? abort.current?.abort() : onClose())} actions={actions}>
      {stage.name === 'choose' ? (
        <>
          <p>{t('accountImport.intro')}</p>
          <label htmlFor={inputId}>{t('accountImport.file')}</label>
          <input id={inputId} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(event) => void onFile(event.target.files?.[0])} />
        </>
      ) : null}
      {notice ? <p className="notice">{notice}</p> : null}
      <ErrorAlert error={error} />
      {fileProblem ? (
        <div className="alert alert--error" role="alert">
          {fileProblem}
        </div>
      ) : null}
      {stage.name === 'checking' || stage.name === 'importing' ? (
        <p className="progress" role="status">
          <progress max={stage.progress.total} value={stage.progress.done} aria-label={t(`accountImport.${stage.name}`, shownProgress(stage.progress))} />{' '}
          {t(`accountImport.${stage.name}`, shownProgress(stage.progress))}
        </p>
      ) : null}
      {report ? (
        <>
          <p role="status">
            {stage.name === 'preview'
              ? t('accountImport.preview', { created: format.number(created), rejected: format.number(rejected.length) })
              : report.cancelled
                ? t('accountImport.cancelled', { created: format.number(created) })
                : t('accountImport.done', { created: format.number(created), rejected: format.number(rejected.length) })}
          </p>
          {rejected.length > 0 ? (
            <table className="table table--compact">
              <caption>{t('accountImport.rejectedRows')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accountImport.line')}</th>
                  <th scope="col">{t('accountImport.email')}</th>
                  <th scope="col">{t('accountImport.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {rejected.slice(0, SHOWN_REJECTIONS).map((o) => (
                  <tr key={o.line}>
                    <td>{o.line}</td>
                    <td>{o.email || t('accountImport.noEmail')}</td>
                    <td>{o.reason ? t(`accountImport.rejections.${o.reason.code}`, o.reason.params) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}
