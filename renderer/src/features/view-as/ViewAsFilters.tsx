import { useTranslation } from 'react-i18next';
import { TICKET_STATUSES, TicketPriority, type ViewContact } from '../../../../shared/api/ticket-view';
import { SelectField } from '../../components/Field';
import { SearchField } from '../../components/SearchField';
import { useProjectTasks } from '../ticket-rights/ticket-rights-queries';
import type { ViewAsQuery } from './view-as-queries';

export type ViewAsFilter = Omit<ViewAsQuery, 'contact'>;

const SORTS = ['updated', 'number', 'title', 'priority', 'status'] as const;
const PRIORITIES = TicketPriority.options;

const toId = (value: string): number | undefined => (value === '' ? undefined : Number(value));

/** Project, task, priority, status, search and sort of the view-as list; every change starts again at the first page. */
export function ViewAsFilters({ filter, projects, onChange }: { filter: ViewAsFilter; projects: { id: number; name: string }[]; contact: ViewContact; onChange: (next: ViewAsFilter) => void }) {
  const { t } = useTranslation();
  const tasks = useProjectTasks(filter.projectId ?? null);
  const set = (patch: Partial<ViewAsFilter>) => onChange({ ...filter, ...patch, offset: 0 });
  const any = { value: '', label: t('viewAs.any') };
  return (
    <form className="view-as-filters" aria-label={t('viewAs.filters')} onSubmit={(e) => e.preventDefault()}>
      <SelectField
        label={t('viewAs.project')}
        value={filter.projectId === undefined ? '' : String(filter.projectId)}
        options={[any, ...projects.map((p) => ({ value: String(p.id), label: p.name }))]}
        onValueChange={(v) => set({ projectId: toId(v), taskId: undefined })}
      />
      <SelectField
        label={t('viewAs.task')}
        value={filter.taskId === undefined ? '' : String(filter.taskId)}
        disabled={filter.projectId === undefined}
        options={[any, ...(tasks.data ?? []).map((x) => ({ value: String(x.id), label: x.name }))]}
        onValueChange={(v) => set({ taskId: toId(v) })}
      />
      <SelectField
        label={t('viewAs.priority')}
        value={filter.priority ?? ''}
        options={[any, ...PRIORITIES.map((p) => ({ value: p, label: t(`viewAs.priorities.${p}`) }))]}
        onValueChange={(v) => set({ priority: PRIORITIES.find((p) => p === v) })}
      />
      <SelectField
        label={t('viewAs.status')}
        value={filter.status ?? ''}
        options={[any, ...TICKET_STATUSES.map((s) => ({ value: s, label: t(`viewAs.statuses.${s}`) }))]}
        onValueChange={(v) => set({ status: TICKET_STATUSES.find((s) => s === v) })}
      />
      <SelectField
        label={t('viewAs.sortBy')}
        value={filter.sort ?? 'updated'}
        options={SORTS.map((s) => ({ value: s, label: t(`viewAs.sorts.${s}`) }))}
        onValueChange={(v) => set({ sort: SORTS.find((s) => s === v) ?? 'updated' })}
      />
      <SelectField
        label={t('viewAs.direction')}
        value={filter.direction ?? 'desc'}
        options={[
          { value: 'desc', label: t('viewAs.descending') },
          { value: 'asc', label: t('viewAs.ascending') },
        ]}
        onValueChange={(v) => set({ direction: v === 'asc' ? 'asc' : 'desc' })}
      />
      <SearchField value={filter.search ?? ''} onSearch={(search) => set({ search })} />
    </form>
  );
}
