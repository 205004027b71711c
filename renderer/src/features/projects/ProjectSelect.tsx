import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Field';
import type { AnyFieldError } from '../../i18n/error-messages';
import { useProjectList } from './project-queries';

/** An organisation has few projects; the pickers show them all, never a page of them. */
export const ORGANISATION_PROJECT_LIMIT = 500;

/** The organisation's current (not archived) projects, for pickers and selections. */
export function useOrganisationProjects(organisationId: number) {
  return useProjectList({ organisationId, includeArchived: false, search: '', sort: 'name', direction: 'asc', offset: 0, limit: ORGANISATION_PROJECT_LIMIT });
}

interface ProjectSelectProps {
  organisationId: number;
  label: string;
  /** Said for "no project". */
  noneLabel: string;
  value: number | null;
  onChange: (projectId: number | null) => void;
  hint?: string;
  error?: AnyFieldError | undefined;
}

/** An optional choice of one of an organisation's projects. */
export function ProjectSelect({ organisationId, label, noneLabel, value, onChange, hint, error }: ProjectSelectProps) {
  const { t } = useTranslation();
  const projects = useOrganisationProjects(organisationId);
  const rows = projects.data?.rows ?? [];
  const options = [{ value: '', label: projects.isPending ? t('app.loading') : noneLabel }, ...rows.map((p) => ({ value: String(p.id), label: p.name }))];
  return (
    <SelectField
      label={label}
      value={value === null ? '' : String(value)}
      options={options}
      onValueChange={(chosen) => onChange(chosen === '' ? null : Number(chosen))}
      hint={hint}
      error={error}
    />
  );
}
