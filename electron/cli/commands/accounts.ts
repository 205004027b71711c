import path from 'node:path';
import { ACCOUNT_STATUSES, QUICK_FILTERS, type AccountStatus, type PortalAccountRow, type QuickFilter } from '../../../shared/api/portal-accounts';
import { isAppError } from '../../../shared/errors';
import { exportJson, neutraliseCell } from '../../../shared/export-cell';
import { openPortierCore, type CommandLine, type PortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { DEFAULT_GROUP, ReferenceResolver } from '../accounts/resolve';
import { sendActivation } from '../accounts/send-activation';
import { projectRoot } from '../project-root';
import { commandLineAs } from '../cli-session';
import { CliFailure, EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, parseCommandArgs, type Command } from '../command';

const HELP = `Usage:
  npm run portier -- accounts list [--status S] [--filter F] [--search TEXT] [--json]
  npm run portier -- accounts create --email EMAIL --organisation ID|NAME [--person ID|EMAIL] [--group NAME ...] [--json]
  npm run portier -- accounts send-activation EMAIL ... | --never-invited | --expired [--json]

list    every portal account matching the filters (all pages), as a table, or with
        --json as JSON Lines (one account per line).
          --status S   ${ACCOUNT_STATUSES.join(', ')}
          --filter F   ${QUICK_FILTERS.join(', ')}
          --search T   username, nickname, organisation or person contains T
create  a portal account without a password (the customer sets one on activation).
        The username is the email. --organisation takes an id or the exact name
        (case-insensitive; an ambiguous name is refused). --person takes a person's id
        or email, of that organisation. --group may be repeated; without it the
        account goes into the "${DEFAULT_GROUP}" group. --json prints the new account as
        one JSON line.
send-activation  what "Activate account" does: for each named account (or every
        account never invited, or every expired invitation) a fresh link and letter
        code, the mail queued in the outbox and the letter made; one line per account
        (with --json as JSON Lines: one JSON object per account).
        Exit code 1 if a named account does not exist.

Both act as a local administrator: --as EMAIL names the staff user the audit log
records (an administrator, or staff who may grant access); default: the first
active administrator.

${DATA_DIR_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  as: { type: 'string' },
  status: { type: 'string' },
  filter: { type: 'string' },
  search: { type: 'string' },
  json: { type: 'boolean' },
  email: { type: 'string' },
  organisation: { type: 'string' },
  person: { type: 'string' },
  group: { type: 'string', multiple: true },
  'never-invited': { type: 'boolean' },
  expired: { type: 'boolean' },
} as const;

const PAGE = 500;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${option} must be one of ${allowed.join(', ')}.`, 'accounts');
  return value as T;
}

async function* allAccounts(cli: CommandLine, filters: { status?: AccountStatus; filter?: QuickFilter; search?: string }) {
  for (let offset = 0; ; offset += PAGE) {
    const page = await cli.call('portal-accounts:list', { ...filters, offset, limit: PAGE });
    yield* page.rows;
    if (page.rows.length < PAGE) return;
  }
}

const TABLE_COLUMNS: readonly [string, (r: PortalAccountRow) => string][] = [
  ['ID', (r) => String(r.id)],
  ['USERNAME', (r) => r.username],
  ['STATUS', (r) => r.status],
  ['PERSON', (r) => r.personName ?? ''],
  ['ORGANISATIONS', (r) => r.organisations.join('; ')],
  ['GROUPS', (r) => r.roleGroups.join('; ')],
  ['LAST SIGN-IN', (r) => r.lastSignInAt ?? ''],
];

function printTable(rows: readonly PortalAccountRow[]): void {
  // Names are typed by people: a table that lands in a terminal or spreadsheet must not run what they typed.
  const cells = rows.map((r) => TABLE_COLUMNS.map(([, get]) => neutraliseCell(get(r))));
  const widths = TABLE_COLUMNS.map(([title], i) => Math.max(title.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: readonly string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(line(TABLE_COLUMNS.map(([title]) => title)));
  for (const c of cells) console.log(line(c));
  console.log(`${rows.length} account${rows.length === 1 ? '' : 's'}`);
}

async function list(core: PortierCore, values: { as?: string; status?: string; filter?: string; search?: string; json?: boolean }): Promise<number> {
  const filters = {
    ...(values.status !== undefined ? { status: oneOf(values.status, ACCOUNT_STATUSES, 'status') } : {}),
    ...(values.filter !== undefined ? { filter: oneOf(values.filter, QUICK_FILTERS, 'filter') } : {}),
    ...(values.search !== undefined ? { search: values.search } : {}),
  };
  const cli = await commandLineAs(core, values.as);
  if (values.json) {
    for await (const row of allAccounts(cli, filters)) console.log(exportJson(row));
    return EXIT_OK;
  }
  const rows: PortalAccountRow[] = [];
  for await (const row of allAccounts(cli, filters)) rows.push(row);
  printTable(rows);
  return EXIT_OK;
}

async function create(core: PortierCore, values: { as?: string; email?: string; organisation?: string; person?: string; group?: string[]; json?: boolean }): Promise<number> {
  if (!values.email) throw new UsageError('Missing --email.', 'accounts');
  if (!values.organisation) throw new UsageError('Missing --organisation.', 'accounts');
  const cli = await commandLineAs(core, values.as);
  const resolve = new ReferenceResolver(cli);
  let input;
  try {
    const organisation = await resolve.organisation(values.organisation);
    const personId = values.person ? await resolve.person(values.person, organisation.id) : null;
    const groups = values.group && values.group.length > 0 ? values.group : [DEFAULT_GROUP];
    input = {
      username: values.email,
      links: [{ organisationId: organisation.id, personId, isDefault: true }],
      roleGroupIds: await resolve.groupIds(groups),
    };
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new CliFailure(error instanceof Error ? error.message : String(error));
  }
  const account = await cli.call('portal-accounts:create', input);
  if (values.json) console.log(JSON.stringify(account));
  else console.log(`Created portal account ${account.username} (id ${account.id}), status ${account.status}.`);
  return EXIT_OK;
}

export const accountsCommand: Command = {
  name: 'accounts',
  summary: 'list portal accounts, create one, or send activations',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('accounts', { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    const [action, ...extra] = positionals;
    if (action !== 'list' && action !== 'create' && action !== 'send-activation') {
      throw new UsageError(action ? `Unknown action "${action}"; use list, create or send-activation.` : 'Missing action: list, create or send-activation.', 'accounts');
    }
    if (action !== 'send-activation' && extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`, 'accounts');
    const core = await openPortierCore({ ...databaseOption(values), dataDir: resolveDataDir(values['data-dir']), resourcesDir: path.join(projectRoot(), 'resources') });
    try {
      if (action === 'send-activation') {
        return await sendActivation(await commandLineAs(core, values.as), { emails: extra, neverInvited: values['never-invited'] === true, expired: values.expired === true, json: values.json === true });
      }
      return action === 'list' ? await list(core, values) : await create(core, values);
    } finally {
      await core.close();
    }
  },
};
