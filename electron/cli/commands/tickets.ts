import path from 'node:path';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/api/tickets';
import { exportJson, neutraliseCell } from '../../../shared/export-cell';
import { openPortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { commandLineAs } from '../cli-session';
import { EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, parseCommandArgs, type Command } from '../command';
import { projectRoot } from '../project-root';
import { explainTicketAs, listTicketsAs, ticketNumber, viewContactOf } from './tickets-as';

const HELP = `Usage:
  npm run portier -- tickets list [--as EMAIL [--organisation ID]] [--project ID] [--status S[,S...]] [--json]
  npm run portier -- tickets explain --as EMAIL [--organisation ID] --ticket NUMBER [--json]

list  every ticket as staff see it, most recently updated first: number, status, priority,
      project, title (--project: a project's id; --status: ${TICKET_STATUSES.join(', ')};
      --json: JSON Lines, one ticket per line, with number, reference, title, status,
      priority, project, task, organisation, assignee, contact and updatedAt).
      --as EMAIL: the tickets the portal account with that username sees, exactly as "view
      tickets as this contact" shows them (its default organisation, or --organisation's),
      with writable; --status then takes one status.
explain  whether the contact (--as) sees and may change ticket --ticket, and why: the access
      function's reasons in words, and per right which check passed (--json: one JSON object
      with visible, writable, reasons and rights).

${DATA_DIR_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  as: { type: 'string' },
  organisation: { type: 'string' },
  ticket: { type: 'string' },
  project: { type: 'string' },
  status: { type: 'string' },
  json: { type: 'boolean' },
} as const;
const PAGE = 500;

function parseStatuses(value: string | undefined): TicketStatus[] | undefined {
  if (value === undefined) return undefined;
  const statuses = value.split(',').map((s) => s.trim());
  const unknown = statuses.find((s) => !(TICKET_STATUSES as readonly string[]).includes(s));
  if (unknown !== undefined) throw new UsageError(`--status must be one of ${TICKET_STATUSES.join(', ')} (unknown: "${unknown}").`, 'tickets');
  return statuses as TicketStatus[];
}

function parseProject(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value) || Number(value) < 1) throw new UsageError('--project must be a project id (a whole number).', 'tickets');
  return Number(value);
}

export const ticketsCommand: Command = {
  name: 'tickets',
  summary: 'list tickets (also as a contact sees them) and explain a contact\'s access',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('tickets', { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    const [action, ...extra] = positionals;
    if (action !== 'list' && action !== 'explain') throw new UsageError(action ? `Unknown action "${action}"; use list or explain.` : 'Missing action: list or explain.', 'tickets');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`, 'tickets');
    if (action === 'explain' && values.as === undefined) throw new UsageError('explain needs --as EMAIL (the contact) and --ticket NUMBER.', 'tickets');
    if (values.organisation !== undefined && values.as === undefined) throw new UsageError('--organisation goes with --as.', 'tickets');
    if (action === 'list' && values.ticket !== undefined) throw new UsageError('--ticket goes with explain.', 'tickets');
    const number = action === 'explain' ? ticketNumber(values.ticket) : 0;
    const status = parseStatuses(values.status);
    const projectId = parseProject(values.project);
    const core = await openPortierCore({ ...databaseOption(values), dataDir: resolveDataDir(values['data-dir']), resourcesDir: path.join(projectRoot(), 'resources') });
    try {
      const cli = await commandLineAs(core);
      if (values.as !== undefined) {
        const contact = await viewContactOf(cli, values.as, values.organisation);
        if (action === 'explain') await explainTicketAs(cli, contact, values.as, number, values.json === true);
        else await listTicketsAs(cli, contact, { projectId, status }, values.json === true);
        return EXIT_OK;
      }
      let count = 0;
      for (let offset = 0; ; offset += PAGE) {
        const page = await cli.call('tickets:list', { ...(status ? { status } : {}), ...(projectId !== undefined ? { projectId } : {}), sort: 'updated', direction: 'desc', offset, limit: PAGE });
        for (const t of page.rows) {
          count += 1;
          if (values.json) {
            console.log(
              exportJson({
                number: t.number,
                reference: t.reference,
                title: t.title,
                status: t.status,
                priority: t.priority,
                project: t.projectName,
                projectId: t.projectId,
                task: t.taskName,
                organisation: t.organisationName,
                assignee: t.assigneeName,
                contact: t.contactName,
                updatedAt: t.updatedAt,
              }),
            );
          } else {
            console.log([t.reference, t.status.padEnd(20), t.priority.padEnd(6), neutraliseCell(t.projectName), neutraliseCell(t.title)].join('  '));
          }
        }
        if (page.rows.length < PAGE) break;
      }
      if (!values.json) console.log(`${count} ticket${count === 1 ? '' : 's'}`);
      return EXIT_OK;
    } finally {
      await core.close();
    }
  },
};
