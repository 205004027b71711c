import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../../../shared/api/tickets';
import { SelectField } from '../../components/Field';
import { SearchField } from '../../components/SearchField';
import { SearchPicker } from '../../components/SearchPicker';
import { useCurrentStaff } from '../session/session-queries';
import { useTicketListStore } from './ticket-list-store';
import { idOptions } from './ticket-options';
import { personPicker, projectPicker, taskPicker, usePersonOption, useProjectOption, useTaskOption } from './ticket-pickers';
import { useStaffOptions, useTicketCategories } from './ticket-queries';

/** Several values of one kind (statuses, priorities) as a group of checkboxes that folds away. */
function MultiChoice<V extends string>({ label, values, chosen, name, onChange }: { label: string; values: readonly V[]; chosen: readonly V[]; name: (v: V) => string; onChange: (v: V[]) => void }) {
  const { t } = useTranslation();
  return (
    <details className="multi-choice">
      <summary>{chosen.length > 0 ? t('tickets.filters.chosen', { label, count: chosen.length }) : label}</summary>
      <fieldset className="fieldset">
        <legend className="visually-hidden">{label}</legend>
        {values.map((v) => (
          <label key={v} className="checkbox">
            <input type="checkbox" checked={chosen.includes(v)} onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((c) => c !== v))} /> {name(v)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

const idOf = (value: string) => (value === '' ? null : Number(value));

/**
 * The staff ticket list's filters: project, task, status, priority, assignee, contact, category
 * and search text. Project, task and contact are searched in the core as staff type; the
 * filters keep only ids (the address may name the project), so their names are read back.
 */export function TicketFilters() {
  const { t, i18n } = useTranslation();
  const f = useTicketListStore();
  const me = useCurrentStaff().data;
  const project = useProjectOption(t, f.projectId);
  const task = useTaskOption(f.taskId);
  const contact = usePersonOption(f.contactPersonId);
  const staff = useStaffOptions(me?.role === 'administrator');
  const categories = useTicketCategories(i18n.language);
  const any = t('tickets.filters.any');
  const staffRows = staff.data?.rows ?? (me ? [{ id: me.id, name: t('tickets.filters.me') }] : []);

  return (
    <div role="group" aria-label={t('tickets.filters.label')}>
      <div className="toolbar toolbar--wrap">
        <SearchField key={f.cleared} value={f.search} onSearch={(search) => f.filter({ search })} />
        <button type="button" className="button" onClick={f.clearFilters}>
          {t('tickets.filters.clear')}
        </button>
      </div>
      <div className="filters">
        <SearchPicker
          label={t('tickets.filters.project')}
          optional
          hint={null}
          value={project}
          query={projectPicker(t, i18n.language)}
          onChange={(chosen) => f.filter({ projectId: chosen?.id ?? null })}
        />
        <SearchPicker
          label={t('tickets.filters.task')}
          optional
          hint={null}
          value={task}
          disabled={f.projectId === null}
          query={taskPicker(f.projectId)}
          onChange={(chosen) => f.filter({ taskId: chosen?.id ?? null })}
        />
        <MultiChoice label={t('tickets.filters.status')} values={TICKET_STATUSES} chosen={f.status} name={(s) => t(`tickets.statuses.${s}`)} onChange={(status) => f.filter({ status })} />
        <MultiChoice label={t('tickets.filters.priority')} values={TICKET_PRIORITIES} chosen={f.priority} name={(p) => t(`tickets.priorities.${p}`)} onChange={(priority) => f.filter({ priority })} />
        <SelectField
          label={t('tickets.filters.assignee')}
          value={f.assigneeId === null ? '' : String(f.assigneeId)}
          options={[...idOptions(any, staffRows, (s) => s.name), { value: 'none', label: t('tickets.filters.unassigned') }]}
          onValueChange={(v) => f.filter({ assigneeId: v === 'none' ? 'none' : idOf(v) })}
        />
        <SearchPicker label={t('tickets.filters.contact')} optional hint={null} value={contact} query={personPicker} onChange={(chosen) => f.filter({ contactPersonId: chosen?.id ?? null })} />
        <SelectField
          label={t('tickets.filters.category')}
          value={f.categoryId === null ? '' : String(f.categoryId)}
          options={idOptions(any, categories.data, (c) => c.name)}
          onValueChange={(v) => f.filter({ categoryId: idOf(v) })}
        />
      </div>
    </div>
  );
}
