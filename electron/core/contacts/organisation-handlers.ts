import type { organisationsApi } from '../../../shared/api/organisations';
import { actorOf, type Handlers } from '../context';
import { listOrganisations } from './organisation-repository';
import { createOrganisation, deleteOrganisation, getOrganisation, updateOrganisation } from './organisation-service';

export const organisationHandlers: Handlers<keyof typeof organisationsApi> = {
  'organisations:list': (input, { deps }) => listOrganisations(deps.db, input),
  'organisations:get': (input, { deps }) => getOrganisation(deps, input.id),
  'organisations:create': (input, ctx) => createOrganisation(ctx.deps, actorOf(ctx), input),
  'organisations:update': (input, ctx) => updateOrganisation(ctx.deps, actorOf(ctx), input),
  'organisations:delete': (input, ctx) => deleteOrganisation(ctx.deps, actorOf(ctx), input.id),
};
