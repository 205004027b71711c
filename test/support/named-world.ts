import fc from 'fast-check';
import type { ChannelName, InputOf } from '../../shared/api';
import type { TicketRightScope } from '../../shared/api/ticket-rights';

/*
 * A generated office with names that sort and fold differently per database if anything does:
 * the same letter in both cases with and without accents (É é E, Ø ø O, Ł ł L, Ș ș S, ß SS),
 * names equal but for case, empty first names, cities and sign-ins. It is a list of channel
 * calls, so a test can make the same office on two databases, call by call, through the core.
 */

const ORGANISATIONS = ['Élan Øresund BV', 'elan bouw', 'ÉLAN', 'Ørsted', 'orsted & co', 'Łódź Straße GmbH', 'lodz', 'Șantier SRL', 'santier', 'STRASSE', 'Bäckerei Müller', 'Brouwerij De Ster', 'zeta', 'Zeta', 'éa', 'Æther'];
const CITIES = ['Łódź', 'lodz', 'Ørestad', 'Érd', 'erd', 'Straßburg', 'Zürich', 'zurich', 'Ésbjerg', 'esbjerg'];
const FIRST_NAMES = ['Émile', 'émile', 'Emile', 'Øyvind', 'øystein', 'Łukasz', 'łucja', 'Ștefan', 'ștefania', 'Grüß', 'anna', 'Anna', 'Zoë'];
const LAST_NAMES = ['Ørsted', 'orsted', 'Łukasiewicz', 'lukas', 'Șerban', 'serban', 'Strauß', 'STRAUSS', 'de Vries', 'De Vries', 'Éluard', 'eluard', 'Zola', 'zola'];
const TITLES = ['Été trop chaud', 'été', 'Œuvre', 'ORSTED', 'Øre', 'øre', 'Zz top', 'zz', 'Straße', 'strasse', 'Łódź', 'ȘTEFAN', 'a', 'B', 'Émile', 'emile'];
const SCOPES: readonly TicketRightScope[] = ['one_task', 'all_tasks', 'existing_tasks'];
const STATUSES = ['new', 'in_progress', 'waiting_for_customer', 'done', 'closed'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** One step of building the office: a channel call whose input may name what earlier steps made (their ids, by step). */
export type WorldStep =
  | { kind: 'call'; channel: ChannelName; input: (ids: StepIds) => unknown; save?: string }
  | { kind: 'clock'; minutes: number }
  | { kind: 'sign-in'; account: number; minutesAgo: number };

/** The ids earlier steps made, by what they were saved as ("organisation 3"). */
export type StepIds = (name: string) => number;

const call = <C extends ChannelName>(channel: C, input: (ids: StepIds) => InputOf<C>, save?: string): WorldStep => ({ kind: 'call', channel, input, ...(save ? { save } : {}) });

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

const worldArbitrary = fc.record({
  internalAllowed: fc.boolean(),
  organisations: fc.array(fc.record({ name: fc.nat(99), internal: fc.nat(5).map((n) => n === 0), city: fc.option(fc.nat(99), { nil: null }), numbered: fc.boolean() }), { minLength: 6, maxLength: 10 }),
  persons: fc.array(fc.record({ org: fc.nat(99), first: fc.option(fc.nat(99), { nil: null }), last: fc.nat(99), email: fc.boolean() }), { minLength: 10, maxLength: 16 }),
  accounts: fc.array(
    fc.record({
      org: fc.nat(99),
      person: fc.option(fc.nat(99), { nil: null }),
      second: fc.option(fc.nat(99), { nil: null }),
      nickname: fc.option(fc.nat(99), { nil: null }),
      state: fc.constantFrom('none', 'invited', 'password', 'password', 'off'),
      signIn: fc.option(fc.nat(5_000), { nil: null }),
    }),
    { minLength: 8, maxLength: 14 },
  ),
  projects: fc.array(fc.option(fc.nat(99), { nil: null }), { minLength: 3, maxLength: 6 }),
  tasks: fc.array(fc.record({ project: fc.nat(99), archived: fc.nat(5).map((n) => n === 0) }), { minLength: 4, maxLength: 10 }),
  rights: fc.array(
    fc.record({ byPerson: fc.boolean(), holder: fc.nat(99), project: fc.nat(99), scope: fc.nat(2), task: fc.nat(99), readOnly: fc.nat(3).map((n) => n === 0), revoked: fc.nat(5).map((n) => n === 0) }),
    { minLength: 8, maxLength: 16 },
  ),
  tickets: fc.array(fc.record({ task: fc.nat(99), title: fc.nat(99), status: fc.nat(99), priority: fc.nat(99), contact: fc.nat(99), later: fc.boolean() }), { minLength: 20, maxLength: 40 }),
});

/** The steps of the office fast-check makes from `seed` (the same seed, the same office). */
export function namedWorld(seed: number): WorldStep[] {
  const [g] = fc.sample(worldArbitrary, { seed, numRuns: 1 });
  if (!g) throw new Error('fast-check made no world');
  const steps: WorldStep[] = [call('ticket-rights:update-settings', () => ({ ticketRightsOnInternalProjects: g.internalAllowed, customerTicketAccessReadOnly: false }))];
  g.organisations.forEach((o, i) =>
    steps.push(
      call(
        'organisations:create',
        () => ({ name: pick(ORGANISATIONS, o.name + i), internal: o.internal, city: o.city === null ? null : pick(CITIES, o.city), customerNumber: o.numbered ? `K${(i * 37) % 100}` : null }),
        `organisation ${i}`,
      ),
    ),
  );
  const personOrg = g.persons.map((p) => p.org % g.organisations.length);
  g.persons.forEach((p, i) =>
    steps.push(
      call(
        'persons:create',
        (ids) => ({
          organisationId: ids(`organisation ${personOrg[i]}`),
          firstName: p.first === null ? null : pick(FIRST_NAMES, p.first),
          lastName: pick(LAST_NAMES, p.last),
          email: p.email ? `${pick(['emile', 'Anna', 'zoe', 'Lukasz', 'stefan'], p.last)}.${i}@example.com` : null,
        }),
        `person ${i}`,
      ),
    ),
  );
  steps.push(call('role-groups:create', () => ({ name: 'Klanten', permissions: ['tickets.read', 'tickets.comment'] }), 'group'));
  const links: { account: number; org: number }[] = [];
  g.accounts.forEach((a, i) => {
    const org = a.org % g.organisations.length;
    const inOrg = personOrg.flatMap((o, p) => (o === org ? [p] : []));
    const person = a.person === null || inOrg.length === 0 ? null : pick(inOrg, a.person);
    const second = a.second === null ? null : a.second % g.organisations.length;
    links.push({ account: i, org });
    if (second !== null && second !== org) links.push({ account: i, org: second });
    steps.push(
      call(
        'portal-accounts:create',
        (ids) => ({
          username: `${pick(['Anna', 'emile', 'Zoe', 'lukasz', 'Stefan', 'orsted'], i)}.${i}@Example.com`,
          nickname: a.nickname === null ? null : pick([...FIRST_NAMES, ...LAST_NAMES], a.nickname),
          links: [{ organisationId: ids(`organisation ${org}`), personId: person === null ? null : ids(`person ${person}`), isDefault: true }, ...(second !== null && second !== org ? [{ organisationId: ids(`organisation ${second}`), isDefault: false }] : [])],
          roleGroupIds: [ids('group')],
        }),
        `account ${i}`,
      ),
    );
    if (a.state === 'invited') steps.push(call('portal-accounts:send-activation', (ids) => ({ ids: [ids(`account ${i}`)] })));
    if (a.state === 'password' || a.state === 'off') steps.push(call('portal-accounts:set-password', (ids) => ({ id: ids(`account ${i}`), password: 'Lantern-Orbit-42' })));
    if (a.state === 'off') steps.push(call('portal-accounts:set-active', (ids) => ({ id: ids(`account ${i}`), active: false })));
    if (a.signIn !== null && a.state !== 'none' && a.state !== 'invited') steps.push({ kind: 'sign-in', account: i, minutesAgo: a.signIn });
    steps.push({ kind: 'clock', minutes: 1 });
  });
  // Projects of organisations that have persons (or internal ones): contacts with rights on them.
  const projectOrg = g.projects.map((o) => (o === null ? null : (personOrg[o % personOrg.length] ?? 0)));
  projectOrg.forEach((org, i) => steps.push(call('projects:create', (ids) => ({ name: `Project ${pick(TITLES, i)}`, organisationId: org === null ? null : ids(`organisation ${org}`) }), `project ${i}`)));
  const taskProject = g.tasks.map((t) => t.project % g.projects.length);
  g.tasks.forEach((t, i) => {
    steps.push(call('tasks:create', (ids) => ({ projectId: ids(`project ${taskProject[i]}`), name: `Task ${pick(TITLES, i + 3)}` }), `task ${i}`));
    steps.push({ kind: 'clock', minutes: 5 });
  });
  g.rights.forEach((r, i) => {
    const holder = r.byPerson || links.length === 0 ? null : pick(links, r.holder);
    const holderOrg = holder === null ? personOrg[r.holder % g.persons.length] : holder.org;
    // A right on a project of the holder's organisation, or an internal one (refused unless allowed).
    const projects = projectOrg.flatMap((o, p) => (o === holderOrg || o === null ? [p] : []));
    if (projects.length === 0) return;
    const project = pick(projects, r.project);
    const scope = pick(SCOPES, r.scope);
    const tasks = taskProject.flatMap((p, t) => (p === project ? [t] : []));
    if (scope === 'one_task' && tasks.length === 0) return;
    steps.push(
      call(
        'ticket-rights:grant',
        (ids) => ({
          holder: holder === null ? { personId: ids(`person ${r.holder % g.persons.length}`) } : { accountId: ids(`account ${holder.account}`), organisationId: ids(`organisation ${holder.org}`) },
          projectId: ids(`project ${project}`),
          scope,
          taskId: scope === 'one_task' ? ids(`task ${pick(tasks, r.task)}`) : null,
          readOnly: r.readOnly,
        }),
        `right ${i}`,
      ),
    );
    steps.push({ kind: 'clock', minutes: 2 });
  });
  // Archived after the rights were given: existing_tasks rights hold them, the list must still agree.
  g.tasks.forEach((t, i) => (t.archived ? steps.push(call('tasks:archive', (ids) => ({ id: ids(`task ${i}`) }))) : undefined));
  g.tickets.forEach((t, i) => {
    const task = t.task % g.tasks.length;
    const org = projectOrg[taskProject[task] ?? 0];
    // The contact is a person of the project's customer (anybody on an internal project).
    const contacts = personOrg.flatMap((o, p) => (org === null || o === org ? [p] : []));
    const contact = contacts.length === 0 ? null : pick(contacts, t.contact);
    steps.push(
      call(
        'tickets:create',
        (ids) => ({
          title: pick(TITLES, t.title),
          projectId: ids(`project ${taskProject[task]}`),
          taskId: ids(`task ${task}`),
          status: pick(STATUSES, t.status),
          priority: pick(PRIORITIES, t.priority),
          contactPersonId: contact === null ? null : ids(`person ${contact}`),
        }),
        `ticket ${i}`,
      ),
    );
    // Some tickets share their minute: the list breaks the tie by number.
    if (t.later) steps.push({ kind: 'clock', minutes: 3 });
  });
  g.rights.forEach((r, i) => (r.revoked ? steps.push(call('ticket-rights:revoke', (ids) => ({ id: ids(`right ${i}`) }))) : undefined));
  return steps;
}
