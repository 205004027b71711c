import { syncAtCheckpointsOnly } from '../../core/db/bulk-load';
import { openPortierCore, type CommandLine } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { CliFailure, EXIT_OK } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, expectPositionals, parseCommandArgs, type Command } from '../command';
import { seedTickets, type DemoContact, type DemoTicketCounts } from '../demo-tickets';
import { DEMO_ACTIVATION, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_STAFF, demoEmailLocalPart, demoMobile } from '../demo-data';

const HELP = `Usage: npm run portier -- seed-demo [--data-dir DIR]

Fills an empty Portier database with a demo data set: about 20 organisations
in several countries (one umbrella organisation with three children), about
60 persons, portal accounts for about two thirds of them (in the built-in role
groups, in every status), a demo portal address (https://portal.example.com/)
and three staff users, whose shared password is printed
at the end. Everything goes through the same channels as the app, so it is all
audited; only the activation dates of the demo accounts are set by a channel of
the command line's own, until the demo runs the real activation loop.
It also creates projects with tasks for every organisation (one internal), ticket
categories, about 2,000 tickets with public and internal comments and booked time
(entries older than three months locked), hour cards, and ticket rights of every
kind (one task, all tasks, existing tasks, read-only, an internal project with the
setting on) for the activated demo accounts.
Refuses a database that already has staff users.

${DATA_DIR_HELP}`;

async function seed(admin: CommandLine): Promise<{ organisations: number; persons: number; accounts: number; tickets: DemoTicketCounts }> {
  const [first, ...others] = DEMO_STAFF;
  if (!first) throw new Error('DEMO_STAFF is empty');
  // The first-start set-up creates the administrator; from then on the command line acts as them, audited as such.
  await admin.call('setup:create-administrator', { name: first.name, email: first.email, password: DEMO_PASSWORD, language: first.language });
  for (const member of others) await admin.call('staff:create', { ...member, password: DEMO_PASSWORD });
  const { logo: _logo, ...activation } = await admin.call('activation-settings:get', {});
  await admin.call('activation-settings:update', { ...activation, ...DEMO_ACTIVATION });

  const idByName = new Map<string, number>();
  let persons = 0;
  for (const org of DEMO_ORGANISATIONS) {
    const parentId = org.parent === undefined ? null : idByName.get(org.parent);
    if (parentId === undefined) throw new Error(`Demo umbrella ${org.parent ?? ''} must come before ${org.name}`);
    const created = await admin.call('organisations:create', {
      name: org.name,
      customerNumber: org.customerNumber,
      addressLine1: org.addressLine1,
      postalCode: org.postalCode,
      city: org.city,
      country: org.country,
      language: org.language,
      internal: org.internal ?? false,
      parentId,
    });
    idByName.set(org.name, created.id);
    for (const [salutation, firstName, lastName] of org.people) {
      persons += 1;
      await admin.call('persons:create', {
        organisationId: created.id,
        salutation,
        firstName,
        lastName,
        email: `${demoEmailLocalPart(firstName, lastName)}@${org.domain}`,
        mobile: demoMobile(org.country, persons),
        language: org.language,
      });
    }
  }
  const accounts = await seedPortalAccounts(admin);
  const internal = DEMO_ORGANISATIONS.find((o) => o.internal === true);
  const internalId = internal === undefined ? undefined : idByName.get(internal.name);
  if (internalId === undefined) throw new Error('The demo needs its internal organisation');
  const customers = DEMO_ORGANISATIONS.filter((o) => o.internal !== true).map((o) => idByName.get(o.name) ?? 0);
  const tickets = await seedTickets(admin, customers, internalId, await demoContacts(admin, accounts.activated));
  return { organisations: idByName.size, persons, accounts: accounts.created, tickets };
}

/** The activated accounts' default links: the contacts seed-demo gives ticket rights. */
async function demoContacts(admin: CommandLine, accountIds: readonly number[]): Promise<DemoContact[]> {
  const contacts: DemoContact[] = [];
  for (const id of accountIds) {
    const account = await admin.call('portal-accounts:get', { id });
    const link = account.links.find((l) => l.isDefault);
    if (link) contacts.push({ accountId: id, organisationId: link.organisationId, personId: link.personId });
  }
  return contacts;
}

/**
 * Portal accounts for about two thirds of the persons, in the built-in groups, a few
 * switched off. The invited, expired and activated states are set by the command line's
 * portal-accounts:set-demo-activation-states (the only part of the demo that does not run
 * the app's own steps), so every column and quick filter has something to show.
 */
async function seedPortalAccounts(admin: CommandLine): Promise<{ created: number; activated: number[] }> {
  const groups = await admin.call('role-groups:list', {});
  const groupId = (name: string) => groups.find((g) => g.name === name)?.id;
  const client = groupId('Client');
  const participant = groupId('Client participant');
  if (client === undefined || participant === undefined) throw new Error('The built-in role groups are missing');
  const persons = await admin.call('persons:list', { sort: 'lastName', limit: 500 });
  // Who gets an account is part of the demo (tests and manuals name these people): chosen in
  // the order the list had when the demo was written (ASCII-only case folding, then id), not
  // in today's sort order, which folds accents and would pick others.
  const asciiFolded = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const demoOrder = [...persons.rows].sort((a, b) => {
    const x = asciiFolded(a.lastName);
    const y = asciiFolded(b.lastName);
    return x < y ? -1 : x > y ? 1 : a.id - b.id;
  });
  const chosen = demoOrder.filter((_p, i) => i % 3 !== 2);
  const half = Math.ceil(chosen.length / 2);
  const created: number[] = [];
  for (const [slice, group] of [[chosen.slice(0, half), client], [chosen.slice(half), participant]] as const) {
    if (slice.length === 0) continue;
    const report = await admin.call('portal-accounts:create-for-persons', { personIds: slice.map((p) => p.id), roleGroupIds: [group] });
    created.push(...report.flatMap((r) => (r.accountId === null ? [] : [r.accountId])));
  }
  const day = 86_400_000;
  const now = Date.now();
  const at = (days: number) => new Date(now + days * day).toISOString();
  const states = [];
  const activated: number[] = [];
  for (const [i, id] of created.entries()) {
    const kind = i % 6;
    if (kind === 1) await admin.call('portal-accounts:set-active', { id, active: false });
    const state =
      kind === 2 ? { sentAt: at(-2), expiresAt: at(12), activatedAt: null, lastSignInAt: null }
      : kind === 3 ? { sentAt: at(-30), expiresAt: at(-16), activatedAt: null, lastSignInAt: null }
      : kind === 4 || kind === 5 ? { sentAt: at(-40), expiresAt: at(-26), activatedAt: at(-39), lastSignInAt: at(-(i % 9)) }
      : null;
    if (state) states.push({ id, ...state });
    if (state?.activatedAt) activated.push(id);
  }
  if (states.length > 0) await admin.call('portal-accounts:set-demo-activation-states', { states });
  return { created: created.length, activated };
}

export const seedDemoCommand: Command = {
  name: 'seed-demo',
  summary: 'fill an empty database with demo organisations, persons, portal accounts, staff and tickets',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('seed-demo', { args: argv, options: COMMON_OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    expectPositionals('seed-demo', positionals, []);
    const dataDir = resolveDataDir(values['data-dir']);
    const core = await openPortierCore({ ...databaseOption(values), dataDir });
    try {
      const admin = core.commandLine();
      const status = await admin.call('setup:status', {});
      if (!status.needsAdministrator) {
        throw new CliFailure(`The database in ${dataDir} already has staff users; seed-demo only fills an empty database. Use another --data-dir.`);
      }
      // Thousands of small audited transactions into a new file: one sync per commit would take most of the time.
      await syncAtCheckpointsOnly(core.deps.db);
      const counts = await seed(admin);
      const t = counts.tickets;
      console.log(`Demo data created in ${dataDir}: ${counts.organisations} organisations (one umbrella with three children), ${counts.persons} persons, ${counts.accounts} portal accounts, ${DEMO_STAFF.length} staff users.`);
      console.log(`Tickets: ${t.projects} projects with ${t.tasks} tasks, ${t.tickets} tickets, ${t.comments} comments, ${t.timeEntries} time entries (${t.lockedTimeEntries} locked), ${t.hourCards} hour cards, ${t.rights} ticket rights.`);
      console.log(`Staff users (password for all: ${DEMO_PASSWORD}):`);
      for (const member of DEMO_STAFF) {
        const role = member.role === 'administrator' ? 'administrator' : member.mayGrantAccess ? 'staff, may grant portal access' : 'staff';
        console.log(`  ${member.email}  (${member.name}, ${role})`);
      }
    } finally {
      await core.close();
    }
    return EXIT_OK;
  },
};
