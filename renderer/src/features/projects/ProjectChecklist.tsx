import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/Field';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SearchField } from '../../components/SearchField';
import { useOrganisationProjects } from './ProjectSelect';

interface ProjectChecklistProps {
  organisationId: number;
  legend: string;
  hint: string;
  /** Ticked projects; none ticked means all of them. */
  value: readonly number[];
  onChange: (projectIds: number[]) => void;
  className?: string;
}

/**
 * A selection of some of an organisation's projects (the hours report's "which projects").
 * An organisation with more projects than one page gets a search box (in the core), and the
 * ticked ones stay ticked while other projects are shown.
 */
export function ProjectChecklist({ organisationId, legend, hint, value, onChange, className }: ProjectChecklistProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const projects = useOrganisationProjects(organisationId, search);
  const rows = projects.data?.rows ?? [];
  const total = projects.data?.total ?? 0;
  if (projects.isSuccess && rows.length === 0 && search === '') return null;
  return (
    <fieldset className={className}>
      <legend>
        {legend} <span className="muted">({hint})</span>
      </legend>
      {total > rows.length || search !== '' ? (
        <>
          <SearchField value={search} onSearch={setSearch} />
          <p className="muted">
            {t('picker.typeToSearch', { shown: rows.length, total })} {value.length > 0 ? t('projects.checkedCount', { count: value.length }) : null}
          </p>
        </>
      ) : null}
      <ErrorAlert error={projects.error} />
      {projects.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {rows.map((project) => (
        <CheckboxField
          key={project.id}
          label={project.name}
          checked={value.includes(project.id)}
          onCheckedChange={(checked) => onChange(checked ? [...value, project.id].sort((a, b) => a - b) : value.filter((id) => id !== project.id))}
        />
      ))}
    </fieldset>
  );
}
