import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TicketMoveTimeOption, type TicketMoveReport } from '../../../../../shared/api/ticket-moves';
import { call } from '../../../api/client';
import { useChannelMutation } from '../../../api/hooks';
import { Dialog } from '../../../components/Dialog';
import { CheckboxField } from '../../../components/Field';
import { SearchPicker, type PickerOption } from '../../../components/SearchPicker';
import { projectPicker, taskPicker } from '../ticket-pickers';
import { BulkDialogActions } from './BulkDialogActions';
import { BulkError } from './BulkError';
import { BulkProgress } from './BulkProgress';
import { BulkTargetChoice, defaultTarget, type BulkScope } from './BulkTargetChoice';
import { MoveReportView } from './MoveReportView';
import { targetInput, type BulkTarget } from './bulk-run';
import { useTicketJob } from './use-ticket-job';

/**
 * "Change primary project": project and task, what to do with tickets that have time on their
 * primary project (the ZEP question) and "always keep the old one as secondary"; the dry run
 * (tickets:move-preview) first, then the tickets it named moved by a job in the core (one
 * transaction) with progress and a stop that changes nothing, then the report.
 */
export function MoveTicketsDialog({ scope, onClose }: { scope: BulkScope; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [target, setTarget] = useState<BulkTarget>(() => defaultTarget(scope));
  const [project, setProject] = useState<PickerOption | null>(null);
  const [task, setTask] = useState<PickerOption | null>(null);
  const [withTime, setWithTime] = useState<TicketMoveTimeOption | null>(null);
  const [alwaysKeep, setAlwaysKeep] = useState(false);
  const [preview, setPreview] = useState<TicketMoveReport | null>(null);
  /** The move's report, or 'cancelled' when it was stopped (and rolled back). */
  const [report, setReport] = useState<TicketMoveReport | 'cancelled' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const dryRun = useChannelMutation('tickets:move-preview');
  const job = useTicketJob();
  const running = job.running;
  const where = project && task && withTime ? { projectId: project.id, taskId: task.id, withTime, alwaysKeepOldAsSecondary: alwaysKeep } : null;

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
    const ticketIds = preview.rows.map((r) => r.ticketId);
    try {
      const ended = await job.run(() => call('tickets:move-start', { ticketIds, ...where }));
      setReport(ended.kind === 'move' ? ended.move : 'cancelled');
    } catch (e) {
      setError(e);
    }
  };

  const toChange = preview ? preview.totals.moved + preview.totals.taskChanged : 0;
  return (
    <Dialog
      wide
      title={t('ticketBulk.titles.move')}
      onClose={running ? job.stop : onClose}
      actions={
        <BulkDialogActions
          stage={report ? 'report' : running ? 'running' : preview ? 'preview' : 'choose'}
          toChange={toChange}
          canPreview={Boolean(where) && !dryRun.isPending}
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
        <MoveReportView report={report} preview={false} />
      ) : running ? (
        <BulkProgress progress={job.progress} stopping={job.stopping} />
      ) : preview ? (
        <MoveReportView report={preview} preview />
      ) : (
        <>
          <BulkTargetChoice scope={scope} target={target} onChange={setTarget} disabled={dryRun.isPending} />
          <SearchPicker
            label={t('ticketBulk.fields.project')}
            required
            value={project}
            query={projectPicker(t, i18n.language)}
            onChange={(chosen) => {
              setProject(chosen);
              setTask(null);
            }}
          />
          <SearchPicker label={t('ticketBulk.fields.task')} required value={task} disabled={project === null} query={taskPicker(project?.id ?? null)} onChange={setTask} />
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
