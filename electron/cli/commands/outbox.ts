import path from 'node:path';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../../shared/api/outbox';
import { exportJson, neutraliseCell } from '../../../shared/export-cell';
import { OutboxWorker } from '../../core/outbox/outbox-worker';
import { openPortierCore } from '../../core/portier-core';
import { resolveDataDir } from '../../shell/user-data-dir';
import { commandLineAs } from '../cli-session';
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../cli-errors';
import { COMMON_OPTIONS, DATA_DIR_HELP, databaseOption, parseCommandArgs, type Command } from '../command';
import { projectRoot } from '../project-root';

const HELP = `Usage:
  npm run portier -- outbox list [--status S] [--json]
  npm run portier -- outbox send

list  the outbox, newest first: status, attempts, recipient, subject, last error
      (--status: ${OUTBOX_STATUSES.join(', ')}; --json: JSON Lines, one mail per line, never a token).
send  works the queue now with the configured SMTP server and reports what happened;
      without SMTP settings the mails stay queued and are written as .eml files.
      Text messages (two-step codes) go through the SMS gateway, or are written as .sms.txt files.
      Only run it while the app is closed, or let the app send.

${DATA_DIR_HELP}`;

const OPTIONS = { ...COMMON_OPTIONS, as: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } } as const;

export const outboxCommand: Command = {
  name: 'outbox',
  summary: 'list the outbox, or send what is due now',
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('outbox', { args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help) {
      console.log(HELP);
      return EXIT_OK;
    }
    const [action, ...extra] = positionals;
    if (action !== 'list' && action !== 'send') throw new UsageError(action ? `Unknown action "${action}"; use list or send.` : 'Missing action: list or send.', 'outbox');
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`, 'outbox');
    if (values.status !== undefined && !(OUTBOX_STATUSES as readonly string[]).includes(values.status)) {
      throw new UsageError(`--status must be one of ${OUTBOX_STATUSES.join(', ')}.`, 'outbox');
    }
    const dataDir = resolveDataDir(values['data-dir']);
    const core = await openPortierCore({ ...databaseOption(values), dataDir, resourcesDir: path.join(projectRoot(), 'resources') });
    try {
      if (action === 'send') {
        const worker = new OutboxWorker({ deps: core.deps, dataDir });
        // stop() closes the SMTP pool: an idle pooled connection would keep the command alive until the server drops it.
        const report = await worker.runOnce().finally(() => worker.stop());
        if (!report.smtpConfigured) console.log(`No SMTP server is set up: mails stay queued; ${report.emlWritten} written as .eml files in ${path.join(dataDir, 'outbox')}.`);
        else console.log(`Sent ${report.sent}, to retry ${report.retried}, failed ${report.failed}, expired ${report.expired}.`);
        const { sms } = report;
        if (!sms.gatewayConfigured) console.log(`No SMS gateway is set up: text messages stay queued; ${sms.filesWritten} written as .sms.txt files in ${path.join(dataDir, 'outbox')}.`);
        else console.log(`SMS: sent ${sms.sent}, to retry ${sms.retried}, failed ${sms.failed}.`);
        return report.failed > 0 || report.sms.failed > 0 ? EXIT_FAILURE : EXIT_OK;
      }
      const cli = await commandLineAs(core, values.as);
      let count = 0;
      for (let offset = 0; ; offset += 500) {
        const page = await cli.call('outbox:list', { ...(values.status ? { status: values.status as OutboxStatus } : {}), offset, limit: 500 });
        for (const m of page.rows) {
          count += 1;
          if (values.json) console.log(exportJson(m));
          else console.log([m.id, m.status.padEnd(9), `x${m.attempts}`, neutraliseCell(m.to), neutraliseCell(m.subject), neutraliseCell(m.lastError ?? '')].join('  ').trimEnd());
        }
        if (page.rows.length < 500) {
          if (!values.json) console.log(`${count} mail${count === 1 ? '' : 's'}${page.smtpConfigured ? '' : ' (no SMTP server set up: mails wait)'}`);
          break;
        }
      }
      return EXIT_OK;
    } finally {
      await core.close();
    }
  },
};
