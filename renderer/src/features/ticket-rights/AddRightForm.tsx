import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposedTicketRight, TicketRightScope } from '../../../../shared/api/ticket-rights';
import { CheckboxField, SelectField } from '../../components/Field';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SearchPicker, type PickerOption } from '../../components/SearchPicker';
import { grantableProjectPicker, rightTaskPicker, useHasGrantableProjects, useTicketAccessSettings } from './ticket-rights-queries';

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
  const { t, i18n } = useTranslation();
  const settings = useTicketAccessSettings();
  const internalAllowed = settings.data?.ticketRightsOnInternalProjects ?? false;
  const anyProject = useHasGrantableProjects(organisationId, internalAllowed);
  const [project, setProject] = useState<PickerOption | null>(null);
  const [scope, setScope] = useState<TicketRightScope>('all_tasks');
  const [task, setTask] = useState<PickerOption | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const complete = project !== null && (scope !== 'one_task' || task !== null);

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
      <ErrorAlert error={settings.error ?? anyProject.error} />
      {anyProject.data === false ? <p className="muted">{t('ticketRights.noProjects')}</p> : null}
      <SearchPicker
        label={t('ticketRights.project')}
        required
        value={project}
        query={grantableProjectPicker(t, i18n.language, organisationId, internalAllowed)}
        onChange={(chosen) => {
          setProject(chosen);
          setTask(null);
        }}
      />
      <SelectField
        label={t('ticketRights.scope')}
        value={scope}
        options={SCOPES.map((s) => ({ value: s, label: t(`ticketRights.scopes.${s}`) }))}
        onValueChange={(value) => setScope(SCOPES.find((s) => s === value) ?? 'all_tasks')}
      />
      {scope === 'one_task' ? (
        <SearchPicker label={t('ticketRights.task')} required value={task} disabled={project === null} query={rightTaskPicker(project?.id ?? null)} onChange={setTask} />
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
