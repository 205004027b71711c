import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project, Task } from '../../../../shared/api/projects';
import { CheckboxField } from '../../components/Field';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { useArchiveTask, useTaskList, useUnarchiveTask } from './project-queries';
import { TaskDialog } from './TaskDialog';

/** Tasks of one project the page shows at once; a project with more is a data problem, not a paging one. */
const TASK_LIMIT = 500;

/** A project's tasks ("Vorgänge"): add, rename, archive and unarchive. */
export function ProjectTasks({ project }: { project: Project }) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const tasks = useTaskList({ projectId: project.id, includeArchived: showArchived, sort: 'name', direction: 'asc', offset: 0, limit: TASK_LIMIT });
  const archive = useArchiveTask();
  const unarchive = useUnarchiveTask();
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const rows = tasks.data?.rows ?? [];

  const toggle = async (task: Task) => {
    try {
      if (task.archived) {
        await unarchive.mutateAsync({ id: task.id });
        notify(t('projects.tasks.unarchived'));
      } else {
        await archive.mutateAsync({ id: task.id });
        notify(t('projects.tasks.archived'));
      }
    } catch {
      // Shown above the table.
    }
  };

  return (
    <section className="panel panel--wide" aria-labelledby="project-tasks">
      <header className="panel__header">
        <h2 id="project-tasks">{t('projects.tasks.title')}</h2>
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('projects.tasks.add')}
        </button>
      </header>
      <CheckboxField label={t('projects.tasks.showArchived')} checked={showArchived} onCheckedChange={setShowArchived} />
      <ErrorAlert error={tasks.error ?? archive.error ?? unarchive.error} />
      {tasks.isSuccess && rows.length === 0 ? <p className="muted">{t('projects.tasks.empty')}</p> : null}
      {rows.length > 0 ? (
        <table className="table table--compact">
          <caption className="visually-hidden">{t('projects.tasks.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.tasks.columns.name')}</th>
              <th scope="col">{t('projects.tasks.columns.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('projects.tasks.rename')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((task) => (
              <tr key={task.id}>
                <td>{task.name}</td>
                <td>
                  <span className={task.archived ? 'badge badge--off' : 'badge badge--ok'}>{task.archived ? t('projects.archivedBadge') : t('projects.active')}</span>
                </td>
                <td className="cell-actions">
                  <div className="row-actions">
                    <button type="button" className="button" aria-label={t('projects.tasks.renameLabel', { name: task.name })} onClick={() => setEditing(task)}>
                      {t('projects.tasks.rename')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={t(task.archived ? 'projects.tasks.unarchiveLabel' : 'projects.tasks.archiveLabel', { name: task.name })}
                      disabled={archive.isPending || unarchive.isPending}
                      onClick={() => void toggle(task)}
                    >
                      {task.archived ? t('projects.unarchive') : t('projects.archive')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? <TaskDialog projectId={project.id} task={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </section>
  );
}
