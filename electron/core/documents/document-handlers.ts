import path from 'node:path';
import type { documentsApi } from '../../../shared/api/documents';
import { AppError } from '../../../shared/errors';
import { readActivationSettings } from '../activation/activation-settings';
import { readLetterheadImage } from '../activation/letterhead-logo';
import { recordAudit } from '../audit/audit-log';
import { actorOf, type HandlerContext, type Handlers } from '../context';
import { activationLettersDocx } from '../letters/letter-docx';
import { activationLettersPdf } from '../letters/letter-pdf';
import { letterOf } from './letter-document';
import { printJobStatus, startPrintJob } from './print-jobs';

const notFound = (id: number) => new AppError('NOT_FOUND', `Document ${id} does not exist.`, { fields: { id: { code: 'not_found' } } });

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Renders letters to one PDF (or Word document), ordered by postal code then id, and audits that they were opened. */
async function lettersPdf(ctx: HandlerContext, ids: readonly number[], fileName: string, format: 'pdf' | 'docx' = 'pdf', onProgress?: (done: number) => void) {
  const { deps } = ctx;
  const actor = actorOf(ctx);
  const rows = await deps.db
    .selectFrom('document')
    .select(['id', 'account_id', 'payload_enc', 'postal_code'])
    .where('id', 'in', [...ids])
    .orderBy('postal_code')
    .orderBy('id')
    .execute();
  if (rows.length !== new Set(ids).size) {
    const found = new Set(rows.map((r) => r.id));
    throw notFound(ids.find((id) => !found.has(id)) ?? 0);
  }
  const settings = await readActivationSettings(deps.db);
  const letters = rows.map((r) => letterOf(deps.secretBox, r.payload_enc));
  const head = { companyName: settings.companyName, addressLines: settings.companyAddress.split('\n').map((l) => l.trim()).filter(Boolean), logo: await readLetterheadImage(deps.db) };
  const file = format === 'docx' ? await activationLettersDocx(letters, head) : await activationLettersPdf(letters, head, path.join(deps.resourcesDir, 'fonts'), onProgress);
  const at = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      await recordAudit(trx, { at, staffId: actor.id, entity: 'portal-account', entityId: r.account_id, action: 'letter-opened', after: { documentId: r.id } });
    }
  });
  return { fileName, mimeType: format === 'docx' ? DOCX : 'application/pdf', base64: file.toString('base64') };
}

export const documentHandlers: Handlers<keyof typeof documentsApi> = {
  'documents:list': async (input, { deps }) => {
    let query = deps.db
      .selectFrom('document as d')
      .leftJoin('portal_account as a', 'a.id', 'd.account_id')
      .leftJoin('staff as s', 's.id', 'd.created_by')
      .select(['d.id', 'd.account_id', 'a.username', 'd.kind', 'd.title', 'd.created_at', 's.name as created_by_name'])
      // Reissuing an activation voids the older code, and every activation makes a letter: a newer one means this one is dead.
      .select((eb) =>
        eb
          .exists(eb.selectFrom('document as n').select('n.id').whereRef('n.account_id', '=', 'd.account_id').whereRef('n.kind', '=', 'd.kind').whereRef('n.id', '>', 'd.id'))
          .as('superseded'),
      );
    if (input.accountId !== undefined) query = query.where('d.account_id', '=', input.accountId);
    const [rows, total] = await Promise.all([
      query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(input.limit).offset(input.offset).execute(),
      (input.accountId !== undefined ? deps.db.selectFrom('document').where('account_id', '=', input.accountId) : deps.db.selectFrom('document'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return {
      rows: rows.map((r) => ({ id: r.id, accountId: r.account_id, accountUsername: r.username, kind: r.kind, title: r.title, createdAt: r.created_at, createdByName: r.created_by_name, superseded: Boolean(r.superseded) })),
      total: Number(total.n),
    };
  },
  'documents:open': async (input, ctx) => lettersPdf(ctx, [input.id], `activation-letter-${input.id}.${input.format}`, input.format),
  'documents:letters-pdf': async (input, ctx) => lettersPdf(ctx, input.ids, `activation-letters-${input.ids.length}.pdf`),
  'documents:print-start': async (input, ctx) => {
    const actor = actorOf(ctx);
    const total = new Set(input.ids).size;
    const jobId = startPrintJob(ctx.deps, actor.id, total, (onProgress) => lettersPdf(ctx, input.ids, `activation-letters-${total}.pdf`, 'pdf', onProgress));
    return { jobId, total };
  },
  'documents:print-status': async (input, ctx) => printJobStatus(ctx.deps, actorOf(ctx).id, input.jobId),
  'documents:delete': async (input, ctx) => {
    const { deps } = ctx;
    const actor = actorOf(ctx);
    await deps.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('document').select(['id', 'account_id', 'title']).where('id', '=', input.id).executeTakeFirst();
      if (!row) throw notFound(input.id);
      await trx.deleteFrom('document').where('id', '=', input.id).execute();
      await recordAudit(trx, { at: deps.clock().toISOString(), staffId: actor.id, entity: 'portal-account', entityId: row.account_id, action: 'letter-deleted', before: { documentId: row.id, title: row.title } });
    });
    return null;
  },
};
