import fs from 'node:fs';
import { UiLanguage } from '../../../shared/api/common';
import { CalendarDay, IntervalKind, type HoursReport } from '../../../shared/api/hours';
import { neutraliseCell } from '../../../shared/export-cell';
import { openPortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { commandLineAs } from '../cli-session';
import { EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, databaseOption, parseCommandArgs, type Command } from '../command';
import { REPORT_ACCESS_HELP, runReportAccess } from './report-access';

const HELP = `Usage: npm run portier -- report hours --organisation ID --from YYYY-MM-DD --to YYYY-MM-DD
                                    [--interval day|week|month|custom] [--project ID]...
                                    [--csv] [--language en|nl|de] [--pdf FILE] [--as EMAIL]

hours: an organisation's prepaid hour cards per interval (default: month; weeks are ISO
weeks): the balance before, the cards bought, the billable hours used, what other projects
took from general cards (with --project), the balance after (negative: overdraft), what is
left on the cards and the overdraft. Cards are used oldest first; a card for a project only
by that project's time. --project (repeatable) limits the report to those projects.
--csv prints CSV instead of a table (";" and a decimal comma for --language nl or de);
--pdf FILE also writes the report with its chart as a PDF.

${REPORT_ACCESS_HELP}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  as: { type: 'string' },
  organisation: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  interval: { type: 'string' },
  project: { type: 'string', multiple: true },
  csv: { type: 'boolean' },
  language: { type: 'string' },
  pdf: { type: 'string' },
} as const;

const positiveId = (value: string, option: string): number => {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) throw new UsageError(`--${option} must be an id (a positive whole number).`, 'report');
  return Number(value);
};

const hours = (minutes: number) => (minutes / 60).toFixed(2);

/** The report as an aligned table, hours with two decimals. */
function table(report: HoursReport): string {
  const header = ['Interval', 'From', 'To', 'Before', 'Bought', 'Used', 'Other projects', 'After', 'Available', 'Overdraft'];
  const rows = report.rows.map((r) => [
    neutraliseCell(r.label),
    r.from,
    r.to,
    ...[r.beforeMinutes, r.boughtMinutes, r.usedMinutes, r.usedByOtherProjectsMinutes, r.afterMinutes, r.availableMinutes, r.overdraftMinutes].map(hours),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ').trimEnd();
  const projects = report.projects.length > 0 ? report.projects.map((p) => neutraliseCell(p.name)).join(', ') : 'all projects';
  return [`Hours of ${neutraliseCell(report.organisationName)}, ${report.from} to ${report.to} (${projects}), in hours:`, line(header), ...rows.map(line)].join('\n');
}

export const reportCommand: Command = {
  name: 'report',
  summary: "an organisation's prepaid hours per interval (report hours); the access review (report access)",
  help: HELP,
  async run(argv) {
    // report access has options of its own (--csv FILE there, a flag here): the action decides which parse.
    if (argv[0] === 'access') return runReportAccess(argv);
    const { values, positionals } = parseCommandArgs('report', { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    if (positionals[0] !== 'hours' || positionals.length > 1) throw new UsageError('Use: report hours --organisation ID --from YYYY-MM-DD --to YYYY-MM-DD, or report access', 'report');
    if (!values.organisation || !values.from || !values.to) throw new UsageError('--organisation, --from and --to are required.', 'report');
    const organisationId = positiveId(values.organisation, 'organisation');
    for (const option of ['from', 'to'] as const) {
      if (!CalendarDay.safeParse(values[option]).success) throw new UsageError(`--${option} must be a day written YYYY-MM-DD.`, 'report');
    }
    const interval = IntervalKind.safeParse(values.interval ?? 'month');
    if (!interval.success) throw new UsageError('--interval must be day, week, month or custom.', 'report');
    const language = UiLanguage.safeParse(values.language ?? 'en');
    if (!language.success) throw new UsageError('--language must be en, nl or de.', 'report');
    const query = { organisationId, from: values.from, to: values.to, interval: interval.data, projectIds: (values.project ?? []).map((p) => positiveId(p, 'project')) };
    const core = await openPortierCore({ ...databaseOption(values), dataDir: resolveDataDir(values['data-dir']) });
    try {
      const cli = await commandLineAs(core, values.as);
      if (values.csv) {
        const { csv } = await cli.call('hours:report-csv', { ...query, language: language.data });
        process.stdout.write(csv);
      } else {
        console.log(table(await cli.call('hours:report', query)));
      }
      if (values.pdf) {
        const file = await cli.call('hours:report-pdf', { ...query, language: language.data });
        fs.writeFileSync(values.pdf, Buffer.from(file.base64, 'base64'));
        console.error(`PDF written to ${values.pdf}.`);
      }
    } finally {
      await core.close();
    }
    return EXIT_OK;
  },
};
