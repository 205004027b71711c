import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/api/organisations';
import { CheckboxField } from '../../components/Field';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../router/Link';
import { navigate } from '../../router/use-route';
import { useProjectList } from './project-queries';
import { ProjectDialog } from './ProjectDialog';

const PANEL_LIMIT = 200;

/** An organisation's projects, each linking to its page, and "New project" with the organisation chosen already. */
export function OrganisationProjects({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [adding, setAdding] = useState(false);
  const projects = useProjectList({ organisationId: organisation.id, includeArchived, search: '', sort: 'name', direction: 'asc', offset: 0, limit: PANEL_LIMIT });
  const rows = projects.data?.rows ?? [];
  return (
    <section className="panel" aria-labelledby="organisation-projects">
      <header className="panel__header">
        <h2 id="organisation-projects">{t('projects.organisationPanel.title')}</h2>
        <button type="button" className="button" onClick={() => setAdding(true)}>
          {t('projects.new')}
        </button>
      </header>
      <CheckboxField label={t('projects.filters.includeArchived')} checked={includeArchived} onCheckedChange={setIncludeArchived} />
      <ErrorAlert error={projects.error} />
      {projects.isSuccess && rows.length === 0 ? <p className="muted">{t('projects.organisationPanel.empty')}</p> : null}
      {rows.length > 0 ? (
        <ul className="link-list">
          {rows.map((p) => (
            <li key={p.id}>
              <Link to={{ name: 'project', id: p.id }}>{p.name}</Link>
              <span className="muted"> · {t('projects.columns.tasks')}: {p.taskCount}</span>
              {p.archived ? <span className="badge badge--off">{t('projects.archivedBadge')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {adding ? (
        <ProjectDialog
          organisation={{ id: organisation.id, name: organisation.name }}
          onClose={() => setAdding(false)}
          onSaved={(saved) => navigate({ name: 'project', id: saved.id })}
        />
      ) : null}
    </section>
  );
}
