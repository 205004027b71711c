import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/api/tickets';
import { isAppError } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { idOptions, projectLabel } from './ticket-options';
import { useAddAssignment, useProjectOptions, useRemoveAssignment, useTaskOptions } from './ticket-queries';

/** The core's refusal in the staff user's words: time on the assignment, or an assignment the ticket has already. */
function AssignmentRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isAppError(error) && error.code === 'IN_USE') {
    return (
      <p className="alert alert--error" role="alert">
        {t('tickets.assignments.hasTime', { count: Number(error.params?.entries ?? 1) })}
      </p>
    );
  }
  if (isAppError(error) && error.code === 'CONFLICT') {
    return (
      <p className="alert alert--error" role="alert">
        {t('tickets.assignments.taken')}
      </p>
    );
  }
  return <ErrorAlert error={error} />;
}

/** Secondary projects of a ticket (with where each came from), added and removed here. */
export function TicketAssignments({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const add = useAddAssignment();
  const remove = useRemoveAssignment();
  const projects = useProjectOptions();
  const [projectId, setProjectId] = useState('');
  const [taskId, setTaskId] = useState('');
  const tasks = useTaskOptions(projectId === '' ? null : Number(projectId));

  const onAdd = async () => {
    remove.reset();
    try {
      await add.mutateAsync({ ticketId: ticket.id, projectId: Number(projectId), taskId: taskId === '' ? null : Number(taskId) });
      notify(t('tickets.assignments.added'));
      setProjectId('');
      setTaskId('');
    } catch {
      // Shown below the form.
    }
  };
  const onRemove = async (assignmentId: number) => {
    add.reset();
    try {
      await remove.mutateAsync({ ticketId: ticket.id, assignmentId });
      notify(t('tickets.assignments.removed'));
    } catch {
      // Shown below the list.
    }
  };

  return (
    <section className="panel" aria-labelledby="ticket-assignments">
      <h2 id="ticket-assignments">{t('tickets.assignments.title')}</h2>
      {ticket.assignments.length === 0 ? <p className="muted">{t('tickets.assignments.empty')}</p> : null}
      <ul className="link-list">
        {ticket.assignments.map((a) => {
          const name = `${a.projectName} / ${a.taskName ?? t('tickets.assignments.allTasks')}`;
          return (
            <li key={a.id}>
              {name} <span className="muted">({t(`tickets.assignments.origins.${a.origin}`)})</span>{' '}
              <button type="button" className="button button--small" aria-label={t('tickets.assignments.removeLabel', { name })} disabled={remove.isPending} onClick={() => void onRemove(a.id)}>
                {t('tickets.assignments.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <AssignmentRefusal error={remove.error ?? add.error} />
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void onAdd();
        }}
      >
        <SelectField
          label={t('tickets.fields.project')}
          value={projectId}
          options={idOptions(t('tickets.fields.chooseProject'), projects.data?.rows.filter((p) => p.id !== ticket.projectId), (p) => projectLabel(t, p))}
          onValueChange={(v) => {
            setProjectId(v);
            setTaskId('');
          }}
        />
        <SelectField
          label={t('tickets.fields.task')}
          value={taskId}
          disabled={projectId === ''}
          options={idOptions(t('tickets.assignments.allTasks'), tasks.data?.rows, (task) => task.name)}
          onValueChange={setTaskId}
        />
        <div>
          <button type="submit" className="button" disabled={projectId === '' || add.isPending}>
            {t('tickets.assignments.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
