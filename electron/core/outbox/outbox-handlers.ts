import { recordAudit } from '../audit/audit-log';
import { AppError } from '../../../shared/errors';
import { SECRET_MASK, type OutboxMail, type OutboxMailDetail, type outboxApi } from '../../../shared/api/outbox';
import { isoNow } from '../clock';
import { actorOf, type HandlerContext, type CoreDeps, type Handlers } from '../context';
import { sender, singleTransport } from './mail-transport';
import { SECRET_MARKER } from './outbox-port';
import * as repo from './outbox-repository';
import { describeSendError } from './send-failure';
import { readSmtpConnection, readStoredSmtp, smtpSettingsView, updateSmtpSettings } from './smtp-settings';
import { readStoredSmsGateway } from './sms-gateway-settings';

async function rowOr404(deps: CoreDeps, id: number): Promise<repo.OutboxRow> {
  const row = await repo.findOutboxRow(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND', `Outbox mail ${id} does not exist.`, { fields: { id: { code: 'not_found' } } });
  return row;
}

function detail(row: repo.OutboxRow): OutboxMailDetail {
  const mask = (s: string) => s.split(SECRET_MARKER).join(SECRET_MASK);
  return { ...repo.rowToMail(row), subject: mask(row.subject), html: mask(row.html), text: mask(row.text) };
}

async function retryMail(deps: CoreDeps, id: number): Promise<OutboxMail> {
  const row = await rowOr404(deps, id);
  if (row.status !== 'failed' && row.status !== 'cancelled' && row.status !== 'queued') {
    throw new AppError('CONFLICT', `A ${row.status} mail cannot be retried.`);
  }
  if (row.secret_expires_at !== null && row.secret_enc === null) {
    throw new AppError('CONFLICT', 'The link in this mail has expired or was removed; issue a new one instead.');
  }
  await repo.requeue(deps.db, id, isoNow(deps.clock));
  return repo.rowToMail(await rowOr404(deps, id));
}

async function cancelMail(deps: CoreDeps, id: number): Promise<OutboxMail> {
  const row = await rowOr404(deps, id);
  if (row.status !== 'queued' && row.status !== 'failed') throw new AppError('CONFLICT', `A ${row.status} mail cannot be cancelled.`);
  await repo.cancel(deps.db, id, isoNow(deps.clock));
  return repo.rowToMail(await rowOr404(deps, id));
}

/** Sends a test mail now, outside the outbox, and reports the server's answer as given. */
async function sendTestMail(deps: CoreDeps, to: string): Promise<{ ok: boolean; error: string | null; responseCode: number | null }> {
  const conn = await readSmtpConnection(deps.db, deps.secretBox);
  if (!conn) return { ok: false, error: 'No SMTP server is configured.', responseCode: null };
  const mailer = singleTransport(conn);
  try {
    await mailer.sendMail({
      from: sender(conn),
      to,
      subject: 'Portier test mail',
      text: 'This is a test mail from Portier. Your SMTP settings work.',
    });
    return { ok: true, error: null, responseCode: null };
  } catch (error) {
    const code = (error as { responseCode?: unknown }).responseCode;
    return { ok: false, error: describeSendError(error), responseCode: typeof code === 'number' ? code : null };
  } finally {
    mailer.close();
  }
}

export const outboxHandlers: Handlers<keyof typeof outboxApi> = {
  'smtp:get': async (_input, { deps }) => smtpSettingsView(await readStoredSmtp(deps.db)),
  'smtp:update': (input, ctx) => updateSmtpSettings(ctx.deps, actorOf(ctx), input),
  'smtp:test': (input, { deps }) => sendTestMail(deps, input.to),
  'outbox:list': async (input, { deps }) => {
    const { rows, total } = await repo.listOutbox(deps.db, input);
    const smtpConfigured = (await readStoredSmtp(deps.db)) !== null;
    const smsGatewayConfigured = (await readStoredSmsGateway(deps.db)) !== null;
    return { rows: rows.map(repo.rowToMail), total, smtpConfigured, smsGatewayConfigured };
  },
  'outbox:get': async (input, { deps }) => detail(await rowOr404(deps, input.id)),
  'outbox:retry': (input, ctx) => auditedMailAction(ctx, input.id, 'retried', () => retryMail(ctx.deps, input.id)),
  'outbox:cancel': (input, ctx) => auditedMailAction(ctx, input.id, 'cancelled', () => cancelMail(ctx.deps, input.id)),
};

/** Retrying or cancelling a mail is a staff decision about what a customer receives: audited. */
async function auditedMailAction<T extends { to: string; subject: string; accountId: number | null }>(ctx: HandlerContext, id: number, action: 'retried' | 'cancelled', run: () => Promise<T>): Promise<T> {
  const mail = await run();
  await recordAudit(ctx.deps.db, {
    at: ctx.deps.clock().toISOString(),
    staffId: actorOf(ctx).id,
    entity: 'mail',
    entityId: id,
    action,
    after: { to: mail.to, subject: mail.subject, accountId: mail.accountId },
  });
  return mail;
}
