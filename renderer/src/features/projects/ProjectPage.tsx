import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../router/Link';
import { HistoryLink } from '../audit/HistoryLink';
import { ArchiveProjectDialog } from './ArchiveProjectDialog';
import { ProjectDialog } from './ProjectDialog';
import { useProject } from './project-queries';
import { ProjectTasks } from './ProjectTasks';

/** One project: its organisation (or "internal"), its status, edit and archive, and its tasks. */
export function ProjectPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useProject(id);
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const project = query.data;

  return (
    <section className="screen" aria-busy={query.isFetching}>
      <p>
        <Link to={{ name: 'projects' }}>{t('projects.page.back')}</Link>
      </p>
      <header className="screen__header">
        <h1>{project?.name ?? (query.isError ? t('projects.title') : t('app.loading'))}</h1>
        {project ? (
          <div className="row-actions">
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('projects.edit')}
            </button>
            <button type="button" className={project.archived ? 'button' : 'button button--danger'} onClick={() => setArchiving(true)}>
              {project.archived ? t('projects.unarchive') : t('projects.archive')}
            </button>
          </div>
        ) : null}
      </header>
      <HistoryLink entity="project" id={id} />
      <ErrorAlert error={query.error} />
      {project ? (
        <>
          <dl className="facts">
            <dt>{t('projects.page.organisation')}</dt>
            <dd>
              {project.organisationId !== null ? (
                <>
                  <Link to={{ name: 'organisation', id: project.organisationId }}>{project.organisationName}</Link>
                  {project.internal ? <span className="badge">{t('projects.internal')}</span> : null}
                </>
              ) : (
                t('projects.page.noOrganisation')
              )}
            </dd>
            <dt>{t('projects.page.status')}</dt>
            <dd>
              <span className={project.archived ? 'badge badge--off' : 'badge badge--ok'}>{project.archived ? t('projects.archivedBadge') : t('projects.active')}</span>
            </dd>
          </dl>
          <div className="panels">
            <ProjectTasks project={project} />
          </div>
          {editing ? <ProjectDialog project={project} onClose={() => setEditing(false)} /> : null}
          {archiving ? <ArchiveProjectDialog project={project} onDone={() => setArchiving(false)} /> : null}
        </>
      ) : null}
    </section>
  );
}
