import type { personsApi } from '../../../shared/api/persons';
import { actorOf, type Handlers } from '../context';
import { listPersons } from './person-repository';
import { createPerson, deletePerson, getPerson, updatePerson } from './person-service';

export const personHandlers: Handlers<keyof typeof personsApi> = {
  'persons:list': (input, { deps }) => listPersons(deps.db, input),
  'persons:get': (input, { deps }) => getPerson(deps, input.id),
  'persons:create': (input, ctx) => createPerson(ctx.deps, actorOf(ctx), input),
  'persons:update': (input, ctx) => updatePerson(ctx.deps, actorOf(ctx), input),
  'persons:delete': (input, ctx) => deletePerson(ctx.deps, actorOf(ctx), input.id),
};
