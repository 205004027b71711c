import path from 'node:path';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/api/tickets';
import { exportJson, neutraliseCell } from '../../../shared/export-cell';
import { openPortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { commandLineAs } from '../cli-session';
import { EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, parseCommandArgs, type Command } from '../command';
import { projectRoot } from '../project-root';

const HELP = `Usage:
  npm run portier -- tickets list [--project ID] [--status S[,S...]] [--json]

list  every ticket as staff see it, most recently updated first: number, status, priority,
      project, title (--project: a project's id; --status: ${TICKET_STATUSES.join(', ')};
      --json: JSON Lines, one ticket per line, with number, reference, title, status,
      priority, project, task, organisation, assignee, contact and updatedAt).

${DATA_DIR_HELP}`;

const OPTIONS = { ...COMMON_OPTIONS, project: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } } as const;
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
  summary: 'list tickets',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('tickets', { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    const [action, ...extra] = positionals;
    if (action !== 'list') throw new UsageError(action ? `Unknown action "${action}"; use list.` : 'Missing action: list.', 'tickets');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`, 'tickets');
    const status = parseStatuses(values.status);
    const projectId = parseProject(values.project);
    const core = await openPortierCore({ dataDir: resolveDataDir(values['data-dir']), resourcesDir: path.join(projectRoot(), 'resources') });
    try {
      const cli = await commandLineAs(core);
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
