import type { projectsApi } from '../../../shared/api/projects';
import { actorOf, type Handlers } from '../context';
import { listProjects } from './project-repository';
import { archiveProject, createProject, getProject, unarchiveProject, updateProject } from './project-service';
import { listTasks } from './task-repository';
import { archiveTask, createTask, getTask, unarchiveTask, updateTask } from './task-service';

export const projectHandlers: Handlers<keyof typeof projectsApi> = {
  'projects:list': (input, { deps }) => listProjects(deps.db, input),
  'projects:get': (input, { deps }) => getProject(deps, input.id),
  'projects:create': (input, ctx) => createProject(ctx.deps, actorOf(ctx), input),
  'projects:update': (input, ctx) => updateProject(ctx.deps, actorOf(ctx), input),
  'projects:archive': (input, ctx) => archiveProject(ctx.deps, actorOf(ctx), input.id),
  'projects:unarchive': (input, ctx) => unarchiveProject(ctx.deps, actorOf(ctx), input.id),
  'tasks:list': (input, { deps }) => listTasks(deps.db, input),
  'tasks:get': (input, { deps }) => getTask(deps, input.id),
  'tasks:create': (input, ctx) => createTask(ctx.deps, actorOf(ctx), input),
  'tasks:update': (input, ctx) => updateTask(ctx.deps, actorOf(ctx), input),
  'tasks:archive': (input, ctx) => archiveTask(ctx.deps, actorOf(ctx), input.id),
  'tasks:unarchive': (input, ctx) => unarchiveTask(ctx.deps, actorOf(ctx), input.id),
};
