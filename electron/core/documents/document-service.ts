import path from 'node:path';
import type { OutputOf, ParsedInputOf } from '../../../shared/api';
import type { DocumentFile } from '../../../shared/api/documents';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import type { Actor, CoreDeps } from '../context';
import { activationLettersDocx } from '../letters/letter-docx';
import { activationLettersPdf } from '../letters/letter-pdf';
import { readActivationSettings } from '../settings/activation-settings';
import { readLetterheadImage } from '../settings/letterhead-logo';
import { deleteDocumentRow, findDocument, findLetterRows, listDocumentRows } from './document-repository';
import { letterOf } from './letter-document';
import { printJobStatus, startPrintJob } from './print-jobs';

const notFound = (id: number) => new AppError('NOT_FOUND', `Document ${id} does not exist.`, { fields: { id: { code: 'not_found' } } });

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The generated documents, newest first; a letter is superseded once a newer one exists for its account. */
export async function listDocuments(deps: CoreDeps, filter: ParsedInputOf<'documents:list'>): Promise<OutputOf<'documents:list'>> {
  const { rows, total } = await listDocumentRows(deps.db, filter);
  return {
    rows: rows.map((r) => ({ id: r.id, accountId: r.account_id, accountUsername: r.username, kind: r.kind, title: r.title, createdAt: r.created_at, createdByName: r.created_by_name, superseded: Boolean(r.superseded) })),
    total,
  };
}

/** Renders letters to one PDF (or Word document), ordered by postal code then id, and audits that they were opened. */
export async function lettersFile(
  deps: CoreDeps,
  actor: Actor,
  ids: readonly number[],
  fileName: string,
  format: ParsedInputOf<'documents:open'>['format'] = 'pdf',
  onProgress?: (done: number) => void,
): Promise<DocumentFile> {
  const rows = await findLetterRows(deps.db, ids);
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

/** Many letters as one PDF, made in the background so the screen can show progress (print-jobs.ts). */
export async function startLettersPrint(deps: CoreDeps, actor: Actor, ids: readonly number[]): Promise<{ jobId: string; total: number }> {
  const total = new Set(ids).size;
  const jobId = await startPrintJob(deps, actor.id, total, (onProgress) => lettersFile(deps, actor, ids, `activation-letters-${total}.pdf`, 'pdf', onProgress));
  return { jobId, total };
}

export const lettersPrintStatus = (deps: CoreDeps, actor: Actor, jobId: string) => printJobStatus(deps, actor.id, jobId);

/** Deletes a letter (its code then exists nowhere), audited on its account. */
export async function deleteDocument(deps: CoreDeps, actor: Actor, id: number): Promise<null> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findDocument(trx, id);
    if (!row) throw notFound(id);
    await deleteDocumentRow(trx, id);
    await recordAudit(trx, { at: deps.clock().toISOString(), staffId: actor.id, entity: 'portal-account', entityId: row.account_id, action: 'letter-deleted', before: { documentId: row.id, title: row.title } });
  });
  return null;
}
