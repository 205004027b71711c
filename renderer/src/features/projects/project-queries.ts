import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/api';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';

export type ProjectListQuery = InputOf<'projects:list'>;
export type ProjectSort = NonNullable<ProjectListQuery['sort']>;
export type TaskListQuery = InputOf<'tasks:list'>;

/**
 * Query keys of the projects domain (tasks belong to it: their channels change 'projects').
 * Ids sit inside objects, never bare, so invalidating one record's number leaves others alone.
 */
export const projectKeys = {
  all: ['projects'] as const,
  list: (query: ProjectListQuery) => ['projects', 'list', query] as const,
  detail: (id: number) => ['projects', 'detail', { id }] as const,
  tasks: (query: TaskListQuery) => ['projects', 'tasks', query] as const,
};

export function useProjectList(query: ProjectListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: projectKeys.list(query),
    queryFn: () => call('projects:list', query),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    // Rows show the organisation's name and internal flag.
    meta: { domains: ['organisations'] },
  });
}

export function useProject(id: number) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: () => call('projects:get', { id }),
    meta: { domains: ['organisations'] },
  });
}

export function useTaskList(query: TaskListQuery) {
  return useQuery({ queryKey: projectKeys.tasks(query), queryFn: () => call('tasks:list', query), placeholderData: keepPreviousData });
}

export const useCreateProject = () => useChannelMutation('projects:create');
export const useUpdateProject = () => useChannelMutation('projects:update');
export const useArchiveProject = () => useChannelMutation('projects:archive');
export const useUnarchiveProject = () => useChannelMutation('projects:unarchive');
export const useCreateTask = () => useChannelMutation('tasks:create');
export const useUpdateTask = () => useChannelMutation('tasks:update');
export const useArchiveTask = () => useChannelMutation('tasks:archive');
export const useUnarchiveTask = () => useChannelMutation('tasks:unarchive');
