import { z } from 'zod';
import { channel } from '../contract';
import { ById, Id, Timestamp, page, requiredText, searchText, SortDirection } from './common';

/** A project: of a customer organisation, or internal (no organisation, or one flagged internal). */
export const Project = z.strictObject({
  id: Id,
  name: z.string(),
  organisationId: Id.nullable(),
  organisationName: z.string().nullable(),
  /** No organisation, or the organisation's internal flag. */
  internal: z.boolean(),
  archived: z.boolean(),
  taskCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Project = z.infer<typeof Project>;

/** What staff type for a project. */
export const ProjectFields = z.strictObject({
  name: requiredText(200),
  organisationId: Id.nullish().transform((v) => v ?? null),
});

/** A task ("Vorgang") of a project. */
export const Task = z.strictObject({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  name: z.string(),
  archived: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Task = z.infer<typeof Task>;

const listPaging = {
  search: searchText,
  direction: SortDirection.default('asc'),
  includeArchived: z.boolean().default(false),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
};

export const projectsApi = {
  'projects:list': channel({
    access: 'staff',
    input: z.strictObject({
      ...listPaging,
      sort: z.enum(['name', 'organisation', 'updatedAt']).default('name'),
      organisationId: Id.optional(),
      /** true: only internal projects; false: only customers' projects. */
      internal: z.boolean().optional(),
    }),
    output: page(Project),
  }),
  'projects:get': channel({ access: 'staff', input: ById, output: Project }),
  'projects:create': channel({ access: 'staff', input: ProjectFields, output: Project, changes: ['projects', 'audit'] }),
  // Ticket lists show the project's name and organisation.
  'projects:update': channel({ access: 'staff', input: ProjectFields.extend({ id: Id }), output: Project, changes: ['projects', 'tickets', 'audit'] }),
  'projects:archive': channel({ access: 'staff', input: ById, output: Project, changes: ['projects', 'audit'] }),
  'projects:unarchive': channel({ access: 'staff', input: ById, output: Project, changes: ['projects', 'audit'] }),
  'tasks:list': channel({
    access: 'staff',
    input: z.strictObject({ ...listPaging, sort: z.enum(['name', 'updatedAt']).default('name'), projectId: Id.optional() }),
    output: page(Task),
  }),
  'tasks:get': channel({ access: 'staff', input: ById, output: Task }),
  'tasks:create': channel({ access: 'staff', input: z.strictObject({ projectId: Id, name: requiredText(200) }), output: Task, changes: ['projects', 'audit'] }),
  /** A task keeps its project: tickets and time entries lie on it. Ticket lists show its name. */
  'tasks:update': channel({ access: 'staff', input: z.strictObject({ id: Id, name: requiredText(200) }), output: Task, changes: ['projects', 'tickets', 'audit'] }),
  'tasks:archive': channel({ access: 'staff', input: ById, output: Task, changes: ['projects', 'audit'] }),
  'tasks:unarchive': channel({ access: 'staff', input: ById, output: Task, changes: ['projects', 'audit'] }),
} as const;
