import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TicketMoveTimeOption, type TicketMoveReport } from '../../../../../shared/api/ticket-moves';
import { useChannelMutation } from '../../../api/hooks';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CheckboxField, SelectField } from '../../../components/Field';
import { idOptions, projectLabel } from '../ticket-options';
import { useProjectOptions, useTaskOptions } from '../ticket-queries';
import { BulkDialogActions } from './BulkDialogActions';
import { BulkProgress } from './BulkProgress';
import { BulkTargetChoice, defaultTarget, type BulkScope } from './BulkTargetChoice';
import { MoveReportView } from './MoveReportView';
import { mergeMoveReports, targetInput, useChunkedRun, type BulkTarget } from './bulk-run';

/**
 * "Change primary project": project and task, what to do with tickets that have time on their
 * primary project (the ZEP question) and "always keep the old one as secondary"; the dry run
 * (tickets:move-preview) first, then tickets:move in chunks of 500 with progress, then the report.
 */
export function MoveTicketsDialog({ scope, onClose }: { scope: BulkScope; onClose: () => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<BulkTarget>(() => defaultTarget(scope));
  const [projectId, setProjectId] = useState('');
  const [taskId, setTaskId] = useState('');
  const [withTime, setWithTime] = useState<TicketMoveTimeOption | null>(null);
  const [alwaysKeep, setAlwaysKeep] = useState(false);
  const [preview, setPreview] = useState<TicketMoveReport | null>(null);
  const [report, setReport] = useState<{ report: TicketMoveReport; stopped: boolean; done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const projects = useProjectOptions();
  const tasks = useTaskOptions(projectId ? Number(projectId) : null);
  const dryRun = useChannelMutation('tickets:move-preview');
  const move = useChannelMutation('tickets:move');
  const chunks = useChunkedRun<TicketMoveReport>();
  const running = chunks.progress !== null;
  const where = projectId && taskId && withTime ? { projectId: Number(projectId), taskId: Number(taskId), withTime, alwaysKeepOldAsSecondary: alwaysKeep } : null;

  const onPreview = async () => {
    if (!where) return;
    setError(null);
    try {
      setPreview(await dryRun.mutateAsync({ ...targetInput(target), ...where }));
    } catch (e) {
      setError(e);
    }
  };

  const onRun = async () => {
    if (!where || !preview) return;
    setError(null);
    const ids = preview.rows.map((r) => r.ticketId);
    try {
      const result = await chunks.run(ids, (ticketIds) => move.mutateAsync({ ticketIds, ...where }));
      if (result.reports.length > 0) setReport({ report: mergeMoveReports(result.reports), stopped: result.stopped, done: result.done, total: ids.length });
      else onClose();
    } catch (e) {
      setError(e);
    }
  };

  const toChange = preview ? preview.totals.moved + preview.totals.taskChanged : 0;
  return (
    <Dialog
      wide
      title={t('ticketBulk.titles.move')}
      onClose={running ? chunks.stop : onClose}
      actions={
        <BulkDialogActions
          stage={report ? 'report' : running ? 'running' : preview ? 'preview' : 'choose'}
          toChange={toChange}
          canPreview={Boolean(where) && !dryRun.isPending}
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
          <MoveReportView report={report.report} preview={false} />
        </>
      ) : running ? (
        <BulkProgress progress={chunks.progress} />
      ) : preview ? (
        <MoveReportView report={preview} preview />
      ) : (
        <>
          <BulkTargetChoice scope={scope} target={target} onChange={setTarget} disabled={dryRun.isPending} />
          <SelectField
            label={t('ticketBulk.fields.project')}
            value={projectId}
            options={idOptions(t('ticketBulk.fields.choose'), projects.data?.rows, (p) => projectLabel(t, p))}
            onValueChange={(value) => {
              setProjectId(value);
              setTaskId('');
            }}
          />
          <SelectField label={t('ticketBulk.fields.task')} value={taskId} options={idOptions(t('ticketBulk.fields.choose'), tasks.data?.rows, (task) => task.name)} onValueChange={setTaskId} disabled={!projectId} />
          <fieldset className="fieldset">
            <legend>{t('ticketBulk.move.withTime')}</legend>
            {TicketMoveTimeOption.options.map((option) => (
              <label key={option} className="checkbox">
                <input type="radio" name="move-with-time" checked={withTime === option} onChange={() => setWithTime(option)} /> {t(`ticketBulk.move.options.${option}`)}
              </label>
            ))}
          </fieldset>
          <CheckboxField label={t('ticketBulk.move.alwaysKeep')} checked={alwaysKeep} onCheckedChange={setAlwaysKeep} />
          <p className="muted">{t('ticketBulk.previewHint')}</p>
        </>
      )}
    </Dialog>
  );
}
