import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightHolder } from '../../../../shared/api/ticket-rights';
import { TICKET_STATUSES, TicketPriority } from '../../../../shared/api/ticket-view';
import { SelectField } from '../../components/Field';
import { SearchField } from '../../components/SearchField';
import { SearchPicker, type PickerOption } from '../../components/SearchPicker';
import { taskPicker } from '../tickets/ticket-pickers';
import { rightProjectPicker, type ViewAsQuery } from './view-as-queries';

export type ViewAsFilter = Omit<ViewAsQuery, 'contact'>;

const SORTS = ['updated', 'number', 'title', 'priority', 'status'] as const;
const PRIORITIES = TicketPriority.options;

/**
 * Project, task, priority, status, search and sort of the view-as list; every change starts
 * again at the first page. Project (among those the contact holds rights on) and task are
 * searched as staff type, so a contact with rights on many projects, or a project with
 * thousands of tasks, is filtered the same way.
 */
export function ViewAsFilters({ filter, holder, onChange }: { filter: ViewAsFilter; holder: RightHolder | null; onChange: (next: ViewAsFilter) => void }) {
  const { t } = useTranslation();
  // The filter keeps ids; the pickers show the names chosen here.
  const [picked, setPicked] = useState<{ project: PickerOption | null; task: PickerOption | null }>({ project: null, task: null });
  const set = (patch: Partial<ViewAsFilter>) => onChange({ ...filter, ...patch, offset: 0 });
  const any = { value: '', label: t('viewAs.any') };
  return (
    <form className="view-as-filters" aria-label={t('viewAs.filters')} onSubmit={(e) => e.preventDefault()}>
      <SearchPicker
        label={t('viewAs.project')}
        optional
        hint={null}
        value={filter.projectId === undefined ? null : picked.project}
        query={rightProjectPicker(holder)}
        onChange={(project) => {
          setPicked({ project, task: null });
          set({ projectId: project?.id, taskId: undefined });
        }}
      />
      <SearchPicker
        label={t('viewAs.task')}
        optional
        hint={null}
        value={filter.taskId === undefined ? null : picked.task}
        disabled={filter.projectId === undefined}
        query={taskPicker(filter.projectId ?? null)}
        onChange={(task) => {
          setPicked((p) => ({ ...p, task }));
          set({ taskId: task?.id });
        }}
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
