import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../shared/api/projects';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { asAppError, type AnyFieldError } from '../../i18n/error-messages';
import { useCreateTask, useUpdateTask } from './project-queries';

/** Add a task to a project, or rename one; the dialog stays open with the name typed when something is wrong. */
export function TaskDialog({ projectId, task, onClose }: { projectId: number; task?: Task | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTask();
  const update = useUpdateTask();
  const [name, setName] = useState(task?.name ?? '');
  const [error, setError] = useState<AnyFieldError | undefined>(undefined);
  const [formError, setFormError] = useState<unknown>(null);

  const onSubmit = async () => {
    setFormError(null);
    if (name.trim() === '') {
      setError({ code: 'required' });
      return;
    }
    setError(undefined);
    try {
      const saved = task ? await update.mutateAsync({ id: task.id, name }) : await create.mutateAsync({ projectId, name });
      notify(task ? t('projects.tasks.renamed') : t('projects.tasks.created', { name: saved.name }));
      onClose();
    } catch (thrown) {
      const appError = asAppError(thrown);
      setError(appError.fields?.name);
      if (!appError.fields?.name) setFormError(appError);
    }
  };

  return (
    <Dialog
      title={task ? t('projects.tasks.renameTitle') : t('projects.tasks.add')}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="task-form" className="button button--primary" disabled={create.isPending || update.isPending}>
            {t('projects.tasks.save')}
          </button>
        </>
      }
    >
      <form
        id="task-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        <ErrorAlert error={formError} />
        <TextField label={t('projects.tasks.name')} required maxLength={200} value={name} onValueChange={setName} error={error} />
      </form>
    </Dialog>
  );
}
