import { TicketRightScope, type TicketRight } from '../../../shared/api/ticket-rights';
import { exportJson, neutraliseCell } from '../../../shared/export-cell';
import { openPortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { commandLineAs } from '../cli-session';
import { EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, parseCommandArgs, type Command } from '../command';
import { idOption, rightHolderOf } from '../contact-args';

const HELP = `Usage:
  npm run portier -- rights list   (--person ID | --account EMAIL [--organisation ID]) [--json]
  npm run portier -- rights grant  (--person ID | --account EMAIL [--organisation ID])
                                   --project ID --scope one_task|all_tasks|existing_tasks
                                   [--task ID] [--read-only]
  npm run portier -- rights revoke --right ID

A contact's ticket rights. The contact is a person, or a portal account on its default
organisation link (or --organisation's): a link that names a person sees through that
person's rights, so those are the ones listed and granted; a link without a person holds
rights of its own. Scopes: one_task (that --task only), all_tasks (also tasks added later),
existing_tasks (the tasks the project has now). --read-only: see, not change. list shows
revoked rights too (--json: JSON Lines, one right per line). Every change is audited,
as the staff user --as STAFF_EMAIL names (default: the first active administrator), who
must be an administrator or may grant portal access.

${DATA_DIR_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  as: { type: 'string' },
  person: { type: 'string' },
  account: { type: 'string' },
  organisation: { type: 'string' },
  project: { type: 'string' },
  scope: { type: 'string' },
  task: { type: 'string' },
  'read-only': { type: 'boolean' },
  right: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function describe(right: TicketRight): string {
  const scope = right.scope === 'one_task' ? `task ${right.taskId ?? ''} ${neutraliseCell(right.taskName ?? '')}`.trim() : right.scope === 'all_tasks' ? 'all tasks' : `existing tasks (${right.taskIds.length}: ${right.taskIds.join(', ')})`;
  const state = right.revokedAt === null ? '' : `  revoked ${right.revokedAt}`;
  return `right ${right.id}  project ${right.projectId} ${neutraliseCell(right.projectName)}  ${scope}${right.readOnly ? '  read-only' : ''}${state}`;
}

export const rightsCommand: Command = {
  name: 'rights',
  summary: "list, grant and revoke a contact's ticket rights",
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('rights', { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    const [action, ...extra] = positionals;
    if (action !== 'list' && action !== 'grant' && action !== 'revoke') throw new UsageError(action ? `Unknown action "${action}"; use list, grant or revoke.` : 'Missing action: list, grant or revoke.', 'rights');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`, 'rights');
    const scope = values.scope === undefined ? undefined : TicketRightScope.safeParse(values.scope);
    if (action === 'grant') {
      if (values.project === undefined || scope === undefined) throw new UsageError('grant needs --project ID and --scope.', 'rights');
      if (!scope.success) throw new UsageError('--scope must be one_task, all_tasks or existing_tasks.', 'rights');
      if ((scope.data === 'one_task') !== (values.task !== undefined)) throw new UsageError('--task goes with --scope one_task, and one_task needs it.', 'rights');
    }
    if (action === 'revoke' && values.right === undefined) throw new UsageError('revoke needs --right ID.', 'rights');
    const core = await openPortierCore({ ...databaseOption(values), dataDir: resolveDataDir(values['data-dir']) });
    try {
      const cli = await commandLineAs(core, values.as);
      if (action === 'revoke') {
        const right = await cli.call('ticket-rights:revoke', { id: idOption(values.right ?? '', 'right', 'rights') });
        console.log(values.json ? exportJson(right) : `Revoked: ${describe(right)}`);
        return EXIT_OK;
      }
      const { holder, description } = await rightHolderOf(cli, values, 'rights');
      if (action === 'grant') {
        const right = await cli.call('ticket-rights:grant', {
          holder,
          projectId: idOption(values.project ?? '', 'project', 'rights'),
          scope: scope?.data ?? 'all_tasks',
          taskId: values.task === undefined ? null : idOption(values.task, 'task', 'rights'),
          readOnly: values['read-only'] === true,
        });
        console.log(values.json ? exportJson(right) : `Granted to ${neutraliseCell(description)}: ${describe(right)}`);
        return EXIT_OK;
      }
      const rights = await cli.call('ticket-rights:list', { holder, includeRevoked: true });
      if (values.json) {
        for (const right of rights) console.log(exportJson(right));
      } else {
        console.log(`Ticket rights of ${neutraliseCell(description)}:`);
        for (const right of rights) console.log(`  ${describe(right)}`);
        console.log(`${rights.length} right${rights.length === 1 ? '' : 's'}`);
      }
      return EXIT_OK;
    } finally {
      await core.close();
    }
  },
};
