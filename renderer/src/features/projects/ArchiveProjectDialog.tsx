import { useTranslation } from 'react-i18next';
import type { Project } from '../../../../shared/api/projects';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { useArchiveProject, useUnarchiveProject } from './project-queries';

/**
 * Asks before archiving or unarchiving a project (Cancel first, as ConfirmDialog does); a
 * refusal from the core stays in the dialog under the question.
 */
export function ArchiveProjectDialog({ project, onDone }: { project: Project; onDone: () => void }) {
  const { t } = useTranslation();
  const archive = useArchiveProject();
  const unarchive = useUnarchiveProject();
  const restoring = project.archived;
  const mutation = restoring ? unarchive : archive;
  const title = restoring ? t('projects.unarchiveTitle') : t('projects.archiveTitle');

  const onConfirm = async () => {
    try {
      await mutation.mutateAsync({ id: project.id });
      notify(restoring ? t('projects.unarchived') : t('projects.archived'));
      onDone();
    } catch {
      // Shown below the question.
    }
  };

  return (
    <Dialog
      title={title}
      onClose={onDone}
      actions={
        <>
          <button type="button" className="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
          <button type="button" className={restoring ? 'button button--primary' : 'button button--danger'} onClick={() => void onConfirm()} disabled={mutation.isPending}>
            {title}
          </button>
        </>
      }
    >
      <p>{t(restoring ? 'projects.unarchiveText' : 'projects.archiveText', { name: project.name })}</p>
      <ErrorAlert error={mutation.error} />
    </Dialog>
  );
}
