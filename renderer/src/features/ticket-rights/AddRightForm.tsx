import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposedTicketRight, TicketRightScope } from '../../../../shared/api/ticket-rights';
import { CheckboxField, SelectField } from '../../components/Field';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useGrantableProjects, useProjectTasks, useTicketAccessSettings } from './ticket-rights-queries';

/** A right the editor holds until saved, with the names it shows. */
export interface PendingGrant {
  key: number;
  right: ProposedTicketRight & { taskId: number | null; readOnly: boolean };
  projectName: string;
  taskName: string | null;
}

const SCOPES: readonly TicketRightScope[] = ['one_task', 'all_tasks', 'existing_tasks'];

/** Choose project, scope, task and read-only for a new right; it joins the unsaved changes, nothing is saved here. */
export function AddRightForm({ organisationId, onAdd, onCancel }: { organisationId: number; onAdd: (grant: Omit<PendingGrant, 'key'>) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const settings = useTicketAccessSettings();
  const projects = useGrantableProjects(organisationId, settings.data?.ticketRightsOnInternalProjects ?? false);
  const [projectId, setProjectId] = useState<number | null>(null);
  const [scope, setScope] = useState<TicketRightScope>('all_tasks');
  const [taskId, setTaskId] = useState<number | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const tasks = useProjectTasks(scope === 'one_task' ? projectId : null);
  const project = projects.data?.find((p) => p.id === projectId);
  const task = tasks.data?.find((x) => x.id === taskId);
  const complete = project !== undefined && (scope !== 'one_task' || task !== undefined);

  return (
    <form
      className="form rights-add"
      aria-label={t('ticketRights.addTitle')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!project) return;
        onAdd({
          right: { projectId: project.id, scope, taskId: scope === 'one_task' ? (task?.id ?? null) : null, readOnly },
          projectName: project.name,
          taskName: scope === 'one_task' ? (task?.name ?? null) : null,
        });
      }}
    >
      <h3>{t('ticketRights.addTitle')}</h3>
      <ErrorAlert error={settings.error ?? projects.error ?? tasks.error} />
      {projects.isSuccess && projects.data.length === 0 ? <p className="muted">{t('ticketRights.noProjects')}</p> : null}
      <SelectField
        label={t('ticketRights.project')}
        value={projectId === null ? '' : String(projectId)}
        options={[
          { value: '', label: t('ticketRights.chooseProject') },
          ...(projects.data ?? []).map((p) => ({ value: String(p.id), label: p.internal ? t('ticketRights.internal', { name: p.name }) : p.name })),
        ]}
        onValueChange={(value) => {
          setProjectId(value === '' ? null : Number(value));
          setTaskId(null);
        }}
      />
      <SelectField
        label={t('ticketRights.scope')}
        value={scope}
        options={SCOPES.map((s) => ({ value: s, label: t(`ticketRights.scopes.${s}`) }))}
        onValueChange={(value) => setScope(SCOPES.find((s) => s === value) ?? 'all_tasks')}
      />
      {scope === 'one_task' ? (
        <SelectField
          label={t('ticketRights.task')}
          value={taskId === null ? '' : String(taskId)}
          disabled={projectId === null}
          options={[{ value: '', label: t('ticketRights.chooseTask') }, ...(tasks.data ?? []).filter((x) => !x.archived).map((x) => ({ value: String(x.id), label: x.name }))]}
          onValueChange={(value) => setTaskId(value === '' ? null : Number(value))}
        />
      ) : null}
      <CheckboxField label={t('ticketRights.readOnly')} checked={readOnly} onCheckedChange={setReadOnly} />
      <div className="row-actions">
        <button type="submit" className="button button--primary" disabled={!complete}>
          {t('ticketRights.addToChanges')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('ticketRights.cancel')}
        </button>
      </div>
    </form>
  );
}
