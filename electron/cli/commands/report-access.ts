import fs from 'node:fs';
import path from 'node:path';
import type { AccessReview } from '../../../shared/api/access-review';
import { UiLanguage } from '../../../shared/api/common';
import { neutraliseCell } from '../../../shared/export-cell';
import { openPortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { commandLineAs } from '../cli-session';
import { EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, expectPositionals, parseCommandArgs } from '../command';
import { idOption } from '../contact-args';
import { projectRoot } from '../project-root';

export const REPORT_ACCESS_HELP = `Usage: npm run portier -- report access [--organisation ID] [--csv FILE] [--xlsx FILE] [--pdf FILE]
                                     [--language en|nl|de] [--as EMAIL]

access: the access review, for administrators: every portal account (only those linked to
--organisation, if given) with its status, organisations, role groups, effective
permissions, ticket rights, and the number of tickets it can see and change (through
the same access function the portal and "view as contact" use). Printed as a table;
--csv, --xlsx and --pdf write it to files as well (CSV with ";" for --language nl or de).

${DATA_DIR_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  as: { type: 'string' },
  organisation: { type: 'string' },
  csv: { type: 'string' },
  xlsx: { type: 'string' },
  pdf: { type: 'string' },
  language: { type: 'string' },
} as const;

function table(review: AccessReview): string {
  const lines = [`Access review of ${review.organisationName === null ? 'all organisations' : neutraliseCell(review.organisationName)}, ${review.accounts.length} portal account${review.accounts.length === 1 ? '' : 's'}:`];
  for (const a of review.accounts) {
    lines.push(`${neutraliseCell(a.username)}  ${a.status}  groups: ${a.roleGroups.map((g) => neutraliseCell(g.name)).join(', ') || '-'}  tickets: ${a.visibleTickets} visible, ${a.writableTickets} changeable`);
    lines.push(`  permissions: ${a.permissions.join(', ') || '-'}`);
    for (const l of a.links) {
      const rights = l.rights.map((r) => `${neutraliseCell(r.projectName)} ${r.scope}${r.taskName ? ` ${neutraliseCell(r.taskName)}` : ''}${r.readOnly ? ' read-only' : ''}`).join('; ');
      lines.push(`  ${neutraliseCell(l.organisationName)}${l.personName ? ` / ${neutraliseCell(l.personName)}` : ''}${l.isDefault ? ' (default)' : ''}: ${l.visibleTickets} visible, ${l.writableTickets} changeable; rights: ${rights || '-'}`);
    }
  }
  return lines.join('\n');
}

export async function runReportAccess(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', { args: argv, options: OPTIONS, allowPositionals: true });
  if (values.help) {
    console.log(REPORT_ACCESS_HELP);
    return EXIT_OK;
  }
  expectPositionals('report', positionals, ['access']);
  const language = UiLanguage.safeParse(values.language ?? 'en');
  if (!language.success) throw new UsageError('--language must be en, nl or de.', 'report');
  const query = { ...(values.organisation !== undefined ? { organisationId: idOption(values.organisation, 'organisation', 'report') } : {}), language: language.data };
  const core = await openPortierCore({ ...databaseOption(values), dataDir: resolveDataDir(values['data-dir']), resourcesDir: path.join(projectRoot(), 'resources') });
  try {
    const cli = await commandLineAs(core, values.as);
    console.log(table(await cli.call('reports:access', { ...(query.organisationId !== undefined ? { organisationId: query.organisationId } : {}) })));
    if (values.csv) {
      fs.writeFileSync(values.csv, (await cli.call('reports:access-csv', query)).csv);
      console.error(`CSV written to ${values.csv}.`);
    }
    for (const [option, channel] of [['xlsx', 'reports:access-xlsx'], ['pdf', 'reports:access-pdf']] as const) {
      const file = values[option];
      if (!file) continue;
      fs.writeFileSync(file, Buffer.from((await cli.call(channel, query)).base64, 'base64'));
      console.error(`${option.toUpperCase()} written to ${file}.`);
    }
  } finally {
    await core.close();
  }
  return EXIT_OK;
}
