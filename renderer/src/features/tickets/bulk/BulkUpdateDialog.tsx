import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketBulkReport } from '../../../../../shared/api/ticket-bulk';
import { formatTicketNumber } from '../../../../../shared/ticket-number';
import { call } from '../../../api/client';
import { useChannelMutation } from '../../../api/hooks';
import { Dialog } from '../../../components/Dialog';
import { BulkChangeFields, changesOf, EMPTY_BULK_FORM, type BulkForm, type BulkUpdateAction } from './BulkChangeFields';
import { BulkDialogActions } from './BulkDialogActions';
import { BulkError } from './BulkError';
import { BulkProgress } from './BulkProgress';
import { BulkTargetChoice, defaultTarget, type BulkScope } from './BulkTargetChoice';
import { REPORT_ROWS, targetInput, type BulkTarget } from './bulk-run';
import { useTicketJob } from './use-ticket-job';

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
 * tickets the dry run named, changed by a job in the core (one transaction) with progress and a
 * stop that changes nothing; then the report.
 */
export function BulkUpdateDialog({ action, scope, onClose }: { action: BulkUpdateAction; scope: BulkScope; onClose: () => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<BulkTarget>(() => defaultTarget(scope));
  const [form, setForm] = useState<BulkForm>(EMPTY_BULK_FORM);
  const [preview, setPreview] = useState<TicketBulkReport | null>(null);
  /** The update's report, or 'cancelled' when it was stopped (and rolled back). */
  const [report, setReport] = useState<TicketBulkReport | 'cancelled' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const bulk = useChannelMutation('tickets:bulk-update');
  const job = useTicketJob();
  const changes = changesOf(action, form);
  const running = job.running;

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
    const ticketIds = preview.rows.filter((r) => r.reason !== 'not_found').map((r) => r.ticketId);
    try {
      const ended = await job.run(() => call('tickets:bulk-update-start', { ticketIds, changes }));
      setReport(ended.kind === 'bulk-update' ? ended.update : 'cancelled');
    } catch (e) {
      setError(e);
    }
  };

  const changedInPreview = preview?.totals.changed ?? 0;
  return (
    <Dialog
      wide
      title={t(`ticketBulk.titles.${action}`)}
      onClose={running ? job.stop : onClose}
      actions={
        <BulkDialogActions
          stage={report ? 'report' : running ? 'running' : preview ? 'preview' : 'choose'}
          toChange={changedInPreview}
          canPreview={Boolean(changes) && !bulk.isPending}
          onClose={onClose}
          onStop={job.stop}
          stopping={job.stopping}
          onBack={() => setPreview(null)}
          onPreview={() => void onPreview()}
          onRun={() => void onRun()}
        />
      }
    >
      <BulkError error={error} />
      {report === 'cancelled' ? (
        <p role="alert">{t('ticketBulk.stopped')}</p>
      ) : report ? (
        <BulkReportView report={report} preview={false} />
      ) : running ? (
        <BulkProgress progress={job.progress} stopping={job.stopping} />
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
