import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../../shared/api';
import { CheckboxField, SelectField } from '../../../components/Field';
import { SearchPicker, type PickerOption, type PickerQuery } from '../../../components/SearchPicker';
import { useCurrentStaff } from '../../session/session-queries';
import { priorityOptions, statusOptions } from '../ticket-options';
import { personPicker, projectPicker, staffPicker, taskPicker } from '../ticket-pickers';
import { useTicketCategories } from '../ticket-queries';

/** The bulk actions that go through tickets:bulk-update (the primary project is tickets:move). */
export type BulkUpdateAction = 'status' | 'priority' | 'assignee' | 'contact' | 'categories' | 'secondary';

export interface BulkForm {
  /** The chosen status or priority. */
  value: string;
  /** The chosen assignee or contact; 'none': nobody / no contact person. */
  who: PickerOption | 'none' | null;
  add: number[];
  remove: number[];
  /** The secondary project and its optional task. */
  project: PickerOption | null;
  task: PickerOption | null;
}

export const EMPTY_BULK_FORM: BulkForm = { value: '', who: null, add: [], remove: [], project: null, task: null };

type Changes = InputOf<'tickets:bulk-update'>['changes'];

/** What the form asks the core to change; null while nothing is chosen yet. */
export function changesOf(action: BulkUpdateAction, form: BulkForm): Changes | null {
  const who = form.who === null ? undefined : form.who === 'none' ? null : form.who.id;
  switch (action) {
    case 'status':
      return form.value ? { status: form.value as NonNullable<Changes['status']> } : null;
    case 'priority':
      return form.value ? { priority: form.value as NonNullable<Changes['priority']> } : null;
    case 'assignee':
      return who === undefined ? null : { assigneeId: who };
    case 'contact':
      return who === undefined ? null : { contactPersonId: who };
    case 'categories':
      return form.add.length + form.remove.length > 0 ? { addCategoryIds: form.add, removeCategoryIds: form.remove } : null;
    case 'secondary':
      return form.project ? { addAssignment: { projectId: form.project.id, taskId: form.task?.id ?? null } } : null;
  }
}

/**
 * The new assignee or contact, searched in the core as staff type, or nobody: a search picker
 * and, under it, the "nobody" tick that empties the field on every ticket.
 */
function WhoFields({ label, nobody, hint, query, who, onChange }: { label: string; nobody: string; hint?: string; query: (search: string) => PickerQuery; who: BulkForm['who']; onChange: (who: BulkForm['who']) => void }) {
  return (
    <>
      <SearchPicker label={label} optional value={who === 'none' ? null : who} disabled={who === 'none'} hint={hint} query={query} onChange={onChange} />
      <CheckboxField label={nobody} checked={who === 'none'} onCheckedChange={(on) => onChange(on ? 'none' : null)} />
    </>
  );
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
  const { t, i18n } = useTranslation();
  const me = useCurrentStaff().data;
  const set = (patch: Partial<BulkForm>) => onChange({ ...form, ...patch });
  const choose = t('ticketBulk.fields.choose');
  switch (action) {
    case 'status':
      return <SelectField label={t('ticketBulk.fields.status')} value={form.value} options={[{ value: '', label: choose }, ...statusOptions(t)]} onValueChange={(value) => set({ value })} />;
    case 'priority':
      return <SelectField label={t('ticketBulk.fields.priority')} value={form.value} options={[{ value: '', label: choose }, ...priorityOptions(t)]} onValueChange={(value) => set({ value })} />;
    case 'assignee':
      return <WhoFields label={t('ticketBulk.fields.assignee')} nobody={t('ticketBulk.fields.nobody')} query={staffPicker(me)} who={form.who} onChange={(who) => set({ who })} />;
    case 'contact':
      // Any person: the tickets may lie on several customers' projects; the core refuses, per ticket, a contact who does not belong there.
      return (
        <WhoFields
          label={t('ticketBulk.fields.contact')}
          nobody={t('ticketBulk.fields.noContact')}
          hint={t('ticketBulk.fields.contactHint')}
          query={personPicker}
          who={form.who}
          onChange={(who) => set({ who })}
        />
      );
    case 'categories':
      return (
        <>
          <CategoryTicks legend={t('ticketBulk.fields.add')} chosen={form.add} disabled={form.remove} onChange={(add) => set({ add })} />
          <CategoryTicks legend={t('ticketBulk.fields.remove')} chosen={form.remove} disabled={form.add} onChange={(remove) => set({ remove })} />
        </>
      );
    case 'secondary':
      return (
        <>
          <SearchPicker label={t('ticketBulk.fields.project')} required value={form.project} query={projectPicker(t, i18n.language)} onChange={(project) => set({ project, task: null })} />
          <SearchPicker
            label={t('ticketBulk.fields.task')}
            optional
            value={form.task}
            disabled={form.project === null}
            hint={t('tickets.assignments.taskHint')}
            query={taskPicker(form.project?.id ?? null)}
            onChange={(task) => set({ task })}
          />
        </>
      );
  }
}
