import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../../../shared/api/tickets';
import { SelectField } from '../../components/Field';
import { SearchField } from '../../components/SearchField';
import { personName } from '../persons/person-queries';
import { useCurrentStaff } from '../session/session-queries';
import { useTicketListStore } from './ticket-list-store';
import { idOptions, projectLabel } from './ticket-options';
import { usePersonOptions, useProjectOptions, useStaffOptions, useTaskOptions, useTicketCategories } from './ticket-queries';

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

/** The staff ticket list's filters: project, task, status, priority, assignee, contact, category and search text. */
export function TicketFilters() {
  const { t, i18n } = useTranslation();
  const f = useTicketListStore();
  const me = useCurrentStaff().data;
  const projects = useProjectOptions();
  const tasks = useTaskOptions(f.projectId);
  const project = projects.data?.rows.find((p) => p.id === f.projectId) ?? null;
  const persons = usePersonOptions(project && !project.internal ? project.organisationId : null);
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
        <SelectField
          label={t('tickets.filters.project')}
          value={f.projectId === null ? '' : String(f.projectId)}
          options={idOptions(any, projects.data?.rows, (p) => projectLabel(t, p))}
          onValueChange={(v) => f.filter({ projectId: idOf(v) })}
        />
        <SelectField
          label={t('tickets.filters.task')}
          value={f.taskId === null ? '' : String(f.taskId)}
          disabled={f.projectId === null}
          options={idOptions(any, tasks.data?.rows, (task) => task.name)}
          onValueChange={(v) => f.filter({ taskId: idOf(v) })}
        />
        <MultiChoice label={t('tickets.filters.status')} values={TICKET_STATUSES} chosen={f.status} name={(s) => t(`tickets.statuses.${s}`)} onChange={(status) => f.filter({ status })} />
        <MultiChoice label={t('tickets.filters.priority')} values={TICKET_PRIORITIES} chosen={f.priority} name={(p) => t(`tickets.priorities.${p}`)} onChange={(priority) => f.filter({ priority })} />
        <SelectField
          label={t('tickets.filters.assignee')}
          value={f.assigneeId === null ? '' : String(f.assigneeId)}
          options={[...idOptions(any, staffRows, (s) => s.name), { value: 'none', label: t('tickets.filters.unassigned') }]}
          onValueChange={(v) => f.filter({ assigneeId: v === 'none' ? 'none' : idOf(v) })}
        />
        <SelectField
          label={t('tickets.filters.contact')}
          value={f.contactPersonId === null ? '' : String(f.contactPersonId)}
          disabled={!persons.data}
          title={persons.data ? undefined : t('tickets.filters.contactNeedsProject')}
          options={idOptions(any, persons.data?.rows, (p) => personName(p))}
          onValueChange={(v) => f.filter({ contactPersonId: idOf(v) })}
        />
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
