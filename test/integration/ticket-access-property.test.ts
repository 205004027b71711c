import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ViewContact } from '../../shared/api/ticket-view';
import type { Db } from '../../electron/core/db/connection';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { explain, writableFor } from '../../electron/core/ticket-access/ticket-access';
import { listContactTickets, readAllTicketFacts, visibleTicketNumbers } from '../../electron/core/ticket-access/ticket-access-repository';
import { loadScope } from '../../electron/core/ticket-access/ticket-view-service';
import { migratedDataDir, testDatabaseOptions } from '../support/core';
import { onPostgres } from '../support/test-database';
import { TicketWorldWriter, type WorldSpec } from '../support/ticket-world';

/*
 * The access function's two halves cannot drift: over random worlds (organisations with internal
 * flags, projects of customers and internal ones, tasks created before and after rights, archived
 * tasks, persons, accounts active or not, links with and without a person, rights of every scope,
 * revoked and read-only, both settings, tickets with secondary assignments), for every contact
 * the SQL list equals filtering all tickets with explain(...).visible, the list's `writable`
 * equals explain's, and no contact sees a ticket of a project that is not its customer's (or
 * internal while allowed). PORTIER_ACCESS_WORLDS sets the number of worlds (default 10,000 on
 * SQLite; 500 on PostgreSQL, where every statement is a round trip to the server).
 *
 * One database for all worlds (the project's: SQLite or PostgreSQL), each world written and
 * cleared in one transaction; on SQLite synchronous=OFF, because a crash of this test loses
 * nothing worth keeping. postgres-same-lists.test.ts compares the lists of both databases.
 */
const WORLDS = Number(process.env.PORTIER_ACCESS_WORLDS ?? (onPostgres ? 500 : 10_000));

const day = (n: number, hour: '06' | '18') => `2026-02-0${n + 1}T${hour}:00:00.000Z`;
const SCOPES = ['one_task', 'all_tasks', 'existing_tasks'] as const;

const worldArbitrary = fc
  .record({
    orgs: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
    projects: fc.array(fc.nat(3), { minLength: 1, maxLength: 5 }),
    tasks: fc.array(fc.record({ project: fc.nat(9), day: fc.nat(4), archived: fc.nat(6).map((n) => n === 0) }), { minLength: 1, maxLength: 8 }),
    persons: fc.array(fc.nat(9), { minLength: 1, maxLength: 4 }),
    accounts: fc.array(
      fc.record({ active: fc.boolean(), activated: fc.boolean(), locked: fc.boolean(), org: fc.nat(9), person: fc.option(fc.nat(9), { nil: null }), secondOrg: fc.option(fc.nat(9), { nil: null }) }),
      { maxLength: 3 },
    ),
    rights: fc.array(
      fc.record({
        byPerson: fc.boolean(),
        holder: fc.nat(9),
        project: fc.nat(9),
        scope: fc.constantFrom(...SCOPES),
        task: fc.nat(9),
        readOnly: fc.boolean(),
        revoked: fc.boolean(),
        day: fc.nat(4),
      }),
      { maxLength: 8 },
    ),
    tickets: fc.array(fc.record({ task: fc.nat(9), secondary: fc.option(fc.nat(9), { nil: null }), status: fc.constantFrom('new', 'waiting_for_customer', 'done', 'closed') }), { maxLength: 14 }),
    internalAllowed: fc.boolean(),
    readOnly: fc.boolean(),
  })
  .map((g): WorldSpec => {
    const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
    const organisations = g.orgs.map((internal, i) => ({ id: i + 1, internal }));
    // An index past the organisations: a project without one (internal).
    const projects = g.projects.map((o, i) => ({ id: i + 1, organisationId: o < organisations.length ? o + 1 : null }));
    const tasks = g.tasks.map((t, i) => ({ id: i + 1, projectId: pick(projects, t.project).id, createdAt: day(t.day, '06'), archived: t.archived }));
    const persons = g.persons.map((o, i) => ({ id: i + 1, organisationId: pick(organisations, o).id }));
    const accounts = g.accounts.map((a, i) => {
      const org = pick(organisations, a.org).id;
      const inOrg = persons.filter((p) => p.organisationId === org);
      const personId = a.person === null || inOrg.length === 0 ? null : pick(inOrg, a.person).id;
      const links = [{ organisationId: org, personId, isDefault: true }];
      const second = a.secondOrg === null ? null : pick(organisations, a.secondOrg).id;
      if (second !== null && second !== org) links.push({ organisationId: second, personId: null, isDefault: false });
      return { id: i + 1, active: a.active, activated: a.activated, locked: a.locked && a.activated, links };
    });
    const accountLinks = accounts.flatMap((a) => a.links.map((l) => ({ accountId: a.id, organisationId: l.organisationId })));
    const rights = g.rights.map((r, i) => {
      const holder = r.byPerson || accountLinks.length === 0 ? { personId: pick(persons, r.holder).id } : pick(accountLinks, r.holder);
      const projectId = pick(projects, r.project).id;
      const createdAt = day(r.day, '18');
      const ofProject = tasks.filter((t) => t.projectId === projectId);
      // one_task: usually a task of the project, sometimes one of another (the scope must not leak it).
      const taskId = r.scope === 'one_task' ? pick(r.task % 4 === 0 || ofProject.length === 0 ? tasks : ofProject, r.task).id : null;
      const taskIds = r.scope === 'existing_tasks' ? ofProject.filter((t) => !t.archived && t.createdAt <= createdAt).map((t) => t.id) : [];
      return { id: i + 1, holder, projectId, scope: r.scope, taskId, taskIds, readOnly: r.readOnly, createdAt, revokedAt: r.revoked ? day(4, '18') : null };
    });
    const tickets = g.tickets.map((t, i) => {
      const task = pick(tasks, t.task);
      return { id: i + 1, number: 1000 + i, projectId: task.projectId, taskId: task.id, status: t.status, secondaryProjectId: t.secondary === null ? null : pick(projects, t.secondary).id, contactPersonId: persons[0]?.id ?? null };
    });
    return { organisations, persons, accounts, projects, tasks, rights, tickets, settings: { ticketRightsOnInternalProjects: g.internalAllowed, customerTicketAccessReadOnly: g.readOnly } };
  });

let core: PortierCore;
let db: Db;
let writer: TicketWorldWriter;
let data: { dir: string; remove: () => void };
let drop: () => Promise<void>;
const NOW = new Date('2026-03-01T00:00:00.000Z');

beforeAll(async () => {
  data = migratedDataDir('portier-access-');
  const { drop: dropDatabase, ...database } = await testDatabaseOptions();
  drop = dropDatabase;
  core = await openPortierCore({ dataDir: data.dir, ...database });
  db = core.deps.db;
  if (!onPostgres) await sql`PRAGMA synchronous = OFF`.execute(db);
  writer = new TicketWorldWriter(db);
});
afterAll(async () => {
  await core.close();
  await drop();
  data.remove();
});

function contactsOf(world: WorldSpec): ViewContact[] {
  return [
    ...world.persons.map((p) => ({ personId: p.id })),
    ...world.accounts.flatMap((a) => a.links.map((l) => ({ accountId: a.id, organisationId: l.organisationId }))),
  ];
}

it(`the SQL list equals explain(...).visible for every contact, over ${WORLDS} random worlds`, async () => {
  let seen = 0;
  await fc.assert(
    fc.asyncProperty(worldArbitrary, async (world) => {
      await writer.replace(world);
      const tickets = await readAllTicketFacts(db);
      for (const contact of contactsOf(world)) {
        const { scope } = await loadScope(db, contact, NOW);
        const explained = tickets.map((t) => ({ number: t.number, ...explain(scope, t) }));
        const expected = explained.filter((e) => e.visible).map((e) => e.number);
        expect(await visibleTicketNumbers(db, scope), JSON.stringify(contact)).toEqual(expected);
        seen += expected.length;

        // Writable in the list is explain's writable.
        if (expected.length > 0) {
          const page = await listContactTickets(db, scope, { quickLink: 'all', search: '', sort: 'number', direction: 'asc', offset: 0, limit: 500 });
          expect(page.total).toBe(expected.length);
          // Paged in twos: every full page, the last one and one past the end say the same total (on PostgreSQL the page's statement carries it).
          for (let offset = 0; offset <= expected.length + 2; offset += 2) {
            const two = await listContactTickets(db, scope, { quickLink: 'all', search: '', sort: 'number', direction: 'asc', offset, limit: 2 });
            expect(two.rows.map((r) => r.number)).toEqual(expected.slice(offset, offset + 2));
            expect(two.total, `offset ${offset}`).toBe(expected.length);
          }
          const writable = explained.filter((e) => e.visible && e.writable).map((e) => e.number);
          expect(page.rows.filter((r) => writableFor(scope, r.project_id, r.task_id)).map((r) => r.number)).toEqual(writable);

          // Filtered to one project the list leaves the other projects' rights out of its condition: still explain's answer.
          for (const projectId of new Set([tickets.find((t) => t.number === expected[0])?.projectId ?? 0, world.projects[0]?.id ?? 0])) {
            const inProject = await listContactTickets(db, scope, { quickLink: 'all', search: '', sort: 'number', direction: 'asc', offset: 0, limit: 500, projectId });
            expect(inProject.rows.map((r) => r.number)).toEqual(expected.filter((n) => tickets.find((t) => t.number === n)?.projectId === projectId));
          }
        }

        // From the world itself, not the access function: no other customer's project, no internal one unless allowed, no right no ticket.
        const organisationId = 'personId' in contact ? world.persons.find((p) => p.id === contact.personId)?.organisationId : contact.organisationId;
        const account = 'accountId' in contact ? world.accounts.find((a) => a.id === contact.accountId) : undefined;
        for (const number of expected) {
          const ticket = world.tickets.find((t) => t.number === number);
          const project = world.projects.find((p) => p.id === ticket?.projectId);
          const owner = world.organisations.find((o) => o.id === project?.organisationId);
          const internal = project?.organisationId === null || owner?.internal === true;
          if (internal) expect(world.settings.ticketRightsOnInternalProjects).toBe(true);
          else expect(project?.organisationId).toBe(organisationId);
          if (account) expect(account.active && account.activated && !account.locked).toBe(true);
          expect(world.rights.some((r) => r.projectId === project?.id && r.revokedAt === null)).toBe(true);
        }
      }
    }),
    { numRuns: WORLDS },
  );
  // The worlds are not all empty-handed: some contacts see some tickets.
  expect(seen).toBeGreaterThan(0);
}, 600_000);
