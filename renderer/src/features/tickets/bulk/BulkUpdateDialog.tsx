import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketBulkReport } from '../../../../../shared/api/ticket-bulk';
import { formatTicketNumber } from '../../../../../shared/ticket-number';
import { useChannelMutation } from '../../../api/hooks';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { BulkChangeFields, changesOf, EMPTY_BULK_FORM, type BulkForm, type BulkUpdateAction } from './BulkChangeFields';
import { BulkDialogActions } from './BulkDialogActions';
import { BulkProgress } from './BulkProgress';
import { BulkTargetChoice, defaultTarget, type BulkScope } from './BulkTargetChoice';
import { mergeBulkReports, REPORT_ROWS, targetInput, useChunkedRun, type BulkTarget } from './bulk-run';

function BulkReportView({ report, preview }: { report: TicketBulkReport; preview: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t(preview ? 'ticketBulk.previewTitle' : 'ticketBulk.reportTitle')}>
      <h3>{t(preview ? 'ticketBulk.previewTitle' : 'ticketBulk.reportTitle')}</h3>
      <p role="status">{t('ticketBulk.totals', report.totals)}</p>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t('ticketBulk.columns.ticket')}</th>
            <th scope="col">{t('ticketBulk.columns.outcome')}</th>
            <th scope="col">{t('ticketBulk.columns.fields')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.slice(0, REPORT_ROWS).map((row) => (
            <tr key={row.ticketId}>
              <td>{row.number === null ? t('ticketBulk.unknownTicket', { id: row.ticketId }) : `${formatTicketNumber(row.number)} ${row.title ?? ''}`}</td>
              <td>{row.reason ? t(`ticketBulk.reasons.${row.reason}`) : t(preview ? `ticketBulk.previewOutcomes.${row.outcome}` : `ticketBulk.outcomes.${row.outcome}`)}</td>
              <td>{row.fields.map((f) => t(`ticketBulk.fieldNames.${f}`)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.rows.length > REPORT_ROWS ? <p className="muted">{t('ticketBulk.more', { count: report.rows.length - REPORT_ROWS })}</p> : null}
    </section>
  );
}

/**
 * One bulk change (status, priority, assignee, contact, categories, a secondary project): the dry
 * run first (tickets:bulk-update with preview), nothing written until confirmed; then the
 * tickets the dry run named, in chunks of 500 with progress and a stop between chunks; then the report.
 */
export function BulkUpdateDialog({ action, scope, onClose }: { action: BulkUpdateAction; scope: BulkScope; onClose: () => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<BulkTarget>(() => defaultTarget(scope));
  const [form, setForm] = useState<BulkForm>(EMPTY_BULK_FORM);
  const [preview, setPreview] = useState<TicketBulkReport | null>(null);
  const [report, setReport] = useState<{ report: TicketBulkReport; stopped: boolean; done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const bulk = useChannelMutation('tickets:bulk-update');
  const chunks = useChunkedRun<TicketBulkReport>();
  const changes = changesOf(action, form);
  const running = chunks.progress !== null;

  const onPreview = async () => {
    if (!changes) return;
    setError(null);
    try {
      setPreview(await bulk.mutateAsync({ ...targetInput(target), changes, preview: true }));
    } catch (e) {
      setError(e);
    }
  };

  const onRun = async () => {
    if (!changes || !preview) return;
    setError(null);
    const ids = preview.rows.filter((r) => r.reason !== 'not_found').map((r) => r.ticketId);
    try {
      const result = await chunks.run(ids, (ticketIds) => bulk.mutateAsync({ ticketIds, changes, preview: false }));
      setReport({ report: mergeBulkReports(result.reports), stopped: result.stopped, done: result.done, total: ids.length });
    } catch (e) {
      setError(e);
    }
  };

  const changedInPreview = preview?.totals.changed ?? 0;
  return (
    <Dialog
      wide
      title={t(`ticketBulk.titles.${action}`)}
      onClose={running ? chunks.stop : onClose}
      actions={
        <BulkDialogActions
          stage={report ? 'report' : running ? 'running' : preview ? 'preview' : 'choose'}
          toChange={changedInPreview}
          canPreview={Boolean(changes) && !bulk.isPending}
          onClose={onClose}
          onStop={chunks.stop}
          onBack={() => setPreview(null)}
          onPreview={() => void onPreview()}
          onRun={() => void onRun()}
        />
      }
    >
      <ErrorAlert error={error} />
      {report ? (
        <>
          {report.stopped ? <p role="alert">{t('ticketBulk.stopped', { done: report.done, total: report.total })}</p> : null}
          <BulkReportView report={report.report} preview={false} />
        </>
      ) : running ? (
        <BulkProgress progress={chunks.progress} />
      ) : preview ? (
        <BulkReportView report={preview} preview />
      ) : (
        <>
          <BulkTargetChoice scope={scope} target={target} onChange={setTarget} disabled={bulk.isPending} />
          <BulkChangeFields action={action} form={form} onChange={setForm} />
          <p className="muted">{t('ticketBulk.previewHint')}</p>
        </>
      )}
    </Dialog>
  );
}
