import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../../shared/api';
import { call } from '../../../api/client';
import { SelectField } from '../../../components/Field';
import { personName } from '../../persons/person-queries';
import { useCurrentStaff } from '../../session/session-queries';
import { idOptions, priorityOptions, projectLabel, statusOptions } from '../ticket-options';
import { useProjectOptions, useStaffOptions, useTaskOptions, useTicketCategories } from '../ticket-queries';

/** The bulk actions that go through tickets:bulk-update (the primary project is tickets:move). */
export type BulkUpdateAction = 'status' | 'priority' | 'assignee' | 'contact' | 'categories' | 'secondary';

export interface BulkForm {
  /** The chosen status, priority, assignee or contact ('none': nobody / no contact). */
  value: string;
  add: number[];
  remove: number[];
  projectId: string;
  taskId: string;
}

export const EMPTY_BULK_FORM: BulkForm = { value: '', add: [], remove: [], projectId: '', taskId: '' };

type Changes = InputOf<'tickets:bulk-update'>['changes'];

/** What the form asks the core to change; null while nothing is chosen yet. */
export function changesOf(action: BulkUpdateAction, form: BulkForm): Changes | null {
  const id = (v: string) => (v === 'none' ? null : Number(v));
  switch (action) {
    case 'status':
      return form.value ? { status: form.value as NonNullable<Changes['status']> } : null;
    case 'priority':
      return form.value ? { priority: form.value as NonNullable<Changes['priority']> } : null;
    case 'assignee':
      return form.value ? { assigneeId: id(form.value) } : null;
    case 'contact':
      return form.value ? { contactPersonId: id(form.value) } : null;
    case 'categories':
      return form.add.length + form.remove.length > 0 ? { addCategoryIds: form.add, removeCategoryIds: form.remove } : null;
    case 'secondary':
      return form.projectId ? { addAssignment: { projectId: Number(form.projectId), taskId: form.taskId ? Number(form.taskId) : null } } : null;
  }
}

/** Every person, for the contact picker (bulk changes span organisations). */
function useAllPersons(enabled: boolean) {
  return useQuery({ queryKey: ['persons', 'list', { picker: true, all: true }] as const, queryFn: () => call('persons:list', { sort: 'lastName', limit: 500 }), enabled });
}

function CategoryTicks({ legend, chosen, onChange, disabled }: { legend: string; chosen: readonly number[]; onChange: (ids: number[]) => void; disabled: readonly number[] }) {
  const { i18n } = useTranslation();
  const categories = useTicketCategories(i18n.language);
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {(categories.data ?? []).map((c) => (
        <label key={c.id} className="checkbox">
          <input type="checkbox" checked={chosen.includes(c.id)} disabled={disabled.includes(c.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))} /> {c.name}
        </label>
      ))}
    </fieldset>
  );
}

/** The fields of one bulk action. */
export function BulkChangeFields({ action, form, onChange }: { action: BulkUpdateAction; form: BulkForm; onChange: (form: BulkForm) => void }) {
  const { t } = useTranslation();
  const me = useCurrentStaff().data;
  const staff = useStaffOptions(action === 'assignee' && me?.role === 'administrator');
  const persons = useAllPersons(action === 'contact');
  const set = (patch: Partial<BulkForm>) => onChange({ ...form, ...patch });
  const choose = t('ticketBulk.fields.choose');
  switch (action) {
    case 'status':
      return <SelectField label={t('ticketBulk.fields.status')} value={form.value} options={[{ value: '', label: choose }, ...statusOptions(t)]} onValueChange={(value) => set({ value })} />;
    case 'priority':
      return <SelectField label={t('ticketBulk.fields.priority')} value={form.value} options={[{ value: '', label: choose }, ...priorityOptions(t)]} onValueChange={(value) => set({ value })} />;
    case 'assignee': {
      const rows = staff.data?.rows ?? (me ? [{ id: me.id, name: me.name }] : []);
      const options = idOptions(choose, rows, (s) => s.name);
      options.splice(1, 0, { value: 'none', label: t('ticketBulk.fields.nobody') });
      return <SelectField label={t('ticketBulk.fields.assignee')} value={form.value} options={options} onValueChange={(value) => set({ value })} />;
    }
    case 'contact': {
      const options = idOptions(choose, persons.data?.rows, (p) => (p.organisationName ? `${personName(p)} — ${p.organisationName}` : personName(p)));
      options.splice(1, 0, { value: 'none', label: t('ticketBulk.fields.noContact') });
      return <SelectField label={t('ticketBulk.fields.contact')} value={form.value} options={options} onValueChange={(value) => set({ value })} />;
    }
    case 'categories':
      return (
        <>
          <CategoryTicks legend={t('ticketBulk.fields.add')} chosen={form.add} disabled={form.remove} onChange={(add) => set({ add })} />
          <CategoryTicks legend={t('ticketBulk.fields.remove')} chosen={form.remove} disabled={form.add} onChange={(remove) => set({ remove })} />
        </>
      );
    case 'secondary':
      return <SecondaryProjectFields form={form} onChange={onChange} />;
  }
}

function SecondaryProjectFields({ form, onChange }: { form: BulkForm; onChange: (form: BulkForm) => void }) {
  const { t } = useTranslation();
  const projects = useProjectOptions();
  const tasks = useTaskOptions(form.projectId ? Number(form.projectId) : null);
  return (
    <>
      <SelectField
        label={t('ticketBulk.fields.project')}
        value={form.projectId}
        options={idOptions(t('ticketBulk.fields.choose'), projects.data?.rows, (p) => projectLabel(t, p))}
        onValueChange={(projectId) => onChange({ ...form, projectId, taskId: '' })}
      />
      <SelectField
        label={t('ticketBulk.fields.task')}
        value={form.taskId}
        options={idOptions(t('ticketBulk.fields.noTask'), tasks.data?.rows, (task) => task.name)}
        onValueChange={(taskId) => onChange({ ...form, taskId })}
        disabled={!form.projectId}
      />
    </>
  );
}
