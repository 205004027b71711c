import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/api/tickets';
import { isAppError } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { SearchPicker, type PickerOption } from '../../components/SearchPicker';
import { projectPicker, taskPicker } from './ticket-pickers';
import { useAddAssignment, useRemoveAssignment } from './ticket-queries';

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
  const { t, i18n } = useTranslation();
  const add = useAddAssignment();
  const remove = useRemoveAssignment();
  const [project, setProject] = useState<PickerOption | null>(null);
  const [task, setTask] = useState<PickerOption | null>(null);

  const onAdd = async () => {
    if (!project) return;
    remove.reset();
    try {
      await add.mutateAsync({ ticketId: ticket.id, projectId: project.id, taskId: task?.id ?? null });
      notify(t('tickets.assignments.added'));
      setProject(null);
      setTask(null);
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
        <SearchPicker
          label={t('tickets.fields.project')}
          optional
          value={project}
          query={projectPicker(t, i18n.language, ticket.projectId)}
          onChange={(chosen) => {
            setProject(chosen);
            setTask(null);
          }}
        />
        <SearchPicker
          label={t('tickets.fields.task')}
          optional
          value={task}
          disabled={project === null}
          hint={t('tickets.assignments.taskHint')}
          query={taskPicker(project?.id ?? null)}
          onChange={setTask}
        />
        <div>
          <button type="submit" className="button" disabled={project === null || add.isPending}>
            {t('tickets.assignments.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
