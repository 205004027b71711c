import type { TFunction } from 'i18next';
import type { Project } from '../../../../shared/api/projects';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../../../shared/api/tickets';
import type { SelectOption } from '../../components/Field';

/** "Website — Bäckerei Müller" or "Intranet (internal)": how a project is named in pickers. */
export function projectLabel(t: TFunction, p: Pick<Project, 'name' | 'organisationName' | 'internal'>): string {
  if (p.internal) return t('tickets.fields.internal', { name: p.name });
  return p.organisationName ? `${p.name} — ${p.organisationName}` : p.name;
}

export const statusOptions = (t: TFunction): SelectOption[] => TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.statuses.${s}`) }));
export const priorityOptions = (t: TFunction): SelectOption[] => TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`tickets.priorities.${p}`) }));

/** The options of an id picker, with a first "none"/"choose" entry whose value is ''. */
export function idOptions<T extends { id: number }>(first: string, rows: readonly T[] | undefined, label: (row: T) => string): SelectOption[] {
  return [{ value: '', label: first }, ...(rows ?? []).map((row) => ({ value: String(row.id), label: label(row) }))];
}
