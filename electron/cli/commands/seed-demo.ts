import { newSessionSlot, type SessionSlot } from '../../core/auth/session';
import { openPortierCore, type PortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { CliFailure, EXIT_OK } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, expectPositionals, parseCommandArgs, type Command } from '../command';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_STAFF, demoEmailLocalPart, demoMobile } from '../demo-data';

const HELP = `Usage: npm run portier -- seed-demo [--data-dir DIR]

Fills an empty Portier database with a demo data set: about 20 organisations
in several countries (one umbrella organisation with three children), about
60 persons and three staff users, whose shared password is printed at the end.
Everything goes through the same channels as the app, so it is all audited.
Refuses a database that already has staff users.

${DATA_DIR_HELP}`;

async function seed(core: PortierCore): Promise<{ organisations: number; persons: number }> {
  const [first, ...others] = DEMO_STAFF;
  if (!first) throw new Error('DEMO_STAFF is empty');
  const admin: SessionSlot = newSessionSlot();
  // The first-start set-up creates the administrator and signs this session in, as in the app.
  await core.call(admin, 'setup:create-administrator', { name: first.name, email: first.email, password: DEMO_PASSWORD, language: first.language });
  for (const member of others) await core.call(admin, 'staff:create', { ...member, password: DEMO_PASSWORD });

  const idByName = new Map<string, number>();
  let persons = 0;
  for (const org of DEMO_ORGANISATIONS) {
    const parentId = org.parent === undefined ? null : idByName.get(org.parent);
    if (parentId === undefined) throw new Error(`Demo umbrella ${org.parent ?? ''} must come before ${org.name}`);
    const created = await core.call(admin, 'organisations:create', {
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
      await core.call(admin, 'persons:create', {
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
  await core.call(admin, 'session:sign-out', {});
  return { organisations: idByName.size, persons };
}

export const seedDemoCommand: Command = {
  name: 'seed-demo',
  summary: 'fill an empty database with demo organisations, persons and staff',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('seed-demo', { args: argv, options: COMMON_OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    expectPositionals('seed-demo', positionals, []);
    const dataDir = resolveDataDir(values['data-dir']);
    const core = await openPortierCore({ dataDir });
    try {
      const status = await core.call(newSessionSlot(), 'setup:status', {});
      if (!status.needsAdministrator) {
        throw new CliFailure(`The database in ${dataDir} already has staff users; seed-demo only fills an empty database. Use another --data-dir.`);
      }
      const counts = await seed(core);
      console.log(`Demo data created in ${dataDir}: ${counts.organisations} organisations (one umbrella with three children), ${counts.persons} persons, ${DEMO_STAFF.length} staff users.`);
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
