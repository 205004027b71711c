import { SearchPicker, PICKER_PAGE, type PickerOption, type PickerQuery } from '../../components/SearchPicker';
import { call } from '../../api/client';
import type { AnyFieldError } from '../../i18n/error-messages';
import { useProjectList } from './project-queries';

/** Pages of an organisation's projects the checklist shows at once; more are found by searching. */
export const ORGANISATION_PROJECT_LIMIT = 500;

/** The organisation's current (not archived) projects whose name contains SEARCH, for selections. */
export function useOrganisationProjects(organisationId: number, search = '') {
  return useProjectList({ organisationId, includeArchived: false, search, sort: 'name', direction: 'asc', offset: 0, limit: ORGANISATION_PROJECT_LIMIT });
}

/** The organisation's open projects whose name contains the search, for a search picker. */
export const organisationProjectPicker =
  (organisationId: number) =>
  (search: string): PickerQuery => ({
    queryKey: ['projects', 'list', { picker: 'organisation', organisationId, search }],
    queryFn: async () => {
      const page = await call('projects:list', { organisationId, search, sort: 'name', limit: PICKER_PAGE });
      return { rows: page.rows.map((p) => ({ id: p.id, name: p.name })), total: page.total };
    },
  });

interface ProjectSelectProps {
  organisationId: number;
  label: string;
  value: PickerOption | null;
  onChange: (project: PickerOption | null) => void;
  hint?: string;
  error?: AnyFieldError | undefined;
}

/** An optional choice of one of an organisation's projects, searched in the core as staff type (empty: none). */
export function ProjectSelect({ organisationId, label, value, onChange, hint, error }: ProjectSelectProps) {
  return <SearchPicker label={label} optional value={value} query={organisationProjectPicker(organisationId)} onChange={onChange} hint={hint} error={error} />;
}
