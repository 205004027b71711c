import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/Field';
import { ErrorAlert } from '../../components/ErrorAlert';
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

/** A selection of some of an organisation's projects (the hours report's "which projects"). */
export function ProjectChecklist({ organisationId, legend, hint, value, onChange, className }: ProjectChecklistProps) {
  const { t } = useTranslation();
  const projects = useOrganisationProjects(organisationId);
  const rows = projects.data?.rows ?? [];
  if (projects.isSuccess && rows.length === 0) return null;
  return (
    <fieldset className={className}>
      <legend>
        {legend} <span className="muted">({hint})</span>
      </legend>
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
