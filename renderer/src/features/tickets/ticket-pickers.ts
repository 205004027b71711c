import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { StaffMember } from '../../../../shared/api/staff';
import { call } from '../../api/client';
import { PICKER_PAGE, type PickerOption, type PickerPage, type PickerQuery } from '../../components/SearchPicker';
import { personName, usePerson } from '../persons/person-queries';
import { projectLabel } from './ticket-options';

/*
 * The search pickers of the ticket screens: each search asks the core for one page of matches
 * and the total, so an office with 5,000 projects or persons picks any of them by typing.
 */

/** Open projects whose name contains the search, named as ticket screens name them; EXCEPTID is left out (a ticket's primary project). */
export const projectPicker =
  (t: TFunction, language: string, exceptId: number | null = null) =>
  (search: string): PickerQuery => ({
    queryKey: ['projects', 'list', { picker: 'tickets', search, language }],
    queryFn: async () => {
      const page = await call('projects:list', { search, sort: 'name', limit: PICKER_PAGE });
      return { rows: page.rows.map((p) => ({ id: p.id, name: projectLabel(t, p) })), total: page.total };
    },
    select: (page: PickerPage) => (exceptId === null ? page : { rows: page.rows.filter((p) => p.id !== exceptId), total: page.total }),
    meta: { domains: ['organisations'] },
  });

/** The open tasks of a project whose name contains the search; none while no project is chosen. */
export const taskPicker =
  (projectId: number | null) =>
  (search: string): PickerQuery => ({
    queryKey: ['projects', 'tasks', { picker: true, projectId: projectId ?? 0, search }],
    queryFn: async () => {
      if (projectId === null) return { rows: [], total: 0 };
      const page = await call('tasks:list', { projectId, search, sort: 'name', limit: PICKER_PAGE });
      return { rows: page.rows.map((task) => ({ id: task.id, name: task.name })), total: page.total };
    },
  });

/** Who may be the contact of a ticket on the project, as the core decides it: its customer's persons first. */
export const contactPicker =
  (projectId: number | null) =>
  (search: string): PickerQuery => ({
    queryKey: ['persons', 'list', { contactsOfProject: projectId ?? 0, search }],
    queryFn: async () => {
      if (projectId === null) return { rows: [], total: 0 };
      const page = await call('tickets:contact-options', { projectId, search, limit: PICKER_PAGE });
      return { rows: page.rows.map((p) => ({ id: p.id, name: p.name, detail: p.organisationName })), total: page.total };
    },
    meta: { domains: ['organisations', 'projects'] },
  });

/** Any person, with their organisation: the list's contact filter. */
export const personPicker = (search: string): PickerQuery => ({
  queryKey: ['persons', 'list', { picker: true, search }],
  queryFn: async () => {
    const page = await call('persons:list', { search, sort: 'lastName', limit: PICKER_PAGE });
    return { rows: page.rows.map((p) => ({ id: p.id, name: personName(p), detail: p.organisationName })), total: page.total };
  },
  meta: { domains: ['organisations'] },
});

/** A project chosen by id elsewhere (the address, a filter) as a picker shows it. */
export function useProjectOption(t: TFunction, id: number | null): PickerOption | null {
  const project = useQuery({ queryKey: ['projects', 'detail', { id: id ?? 0 }], queryFn: () => call('projects:get', { id: id ?? 0 }), enabled: id !== null, meta: { domains: ['organisations'] } });
  if (id === null) return null;
  return { id, name: project.data?.id === id ? projectLabel(t, project.data) : '' };
}

/** A task chosen by id elsewhere, as a picker shows it. */
export function useTaskOption(id: number | null): PickerOption | null {
  const task = useQuery({ queryKey: ['projects', 'task', { id: id ?? 0 }], queryFn: () => call('tasks:get', { id: id ?? 0 }), enabled: id !== null });
  if (id === null) return null;
  return { id, name: task.data?.id === id ? task.data.name : '' };
}

/** A person chosen by id elsewhere, as a picker shows them. */
export function usePersonOption(id: number | null): PickerOption | null {
  const person = usePerson(id);
  if (id === null) return null;
  return { id, name: person.data?.id === id ? personName(person.data) : '' };
}

/**
 * Staff to assign tickets to, by name or email. Only administrators may list staff (staff:list);
 * others may assign tickets to themselves, so they are offered only themselves.
 */
export const staffPicker =
  (me: Pick<StaffMember, 'id' | 'name' | 'role'> | null | undefined) =>
  (search: string): PickerQuery => ({
    queryKey: ['staff', 'list', { picker: true, search, me: me?.id ?? 0, role: me?.role ?? null }],
    queryFn: async () => {
      if (me?.role !== 'administrator') {
        const mine = me && me.name.toLocaleLowerCase().includes(search.toLocaleLowerCase()) ? [{ id: me.id, name: me.name }] : [];
        return { rows: mine, total: mine.length };
      }
      const page = await call('staff:list', { search, sort: 'name', limit: PICKER_PAGE });
      return { rows: page.rows.map((s) => ({ id: s.id, name: s.name, detail: s.email })), total: page.total };
    },
  });
