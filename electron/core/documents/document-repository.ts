import type { Executor } from '../db/connection';
import type { DocumentTable } from '../db/schema';

/** A row of the document list, with the account's username and the creator's name joined in. */
export interface DocumentListRow {
  id: number;
  account_id: number | null;
  username: string | null;
  kind: DocumentTable['kind'];
  title: string;
  created_at: string;
  created_by_name: string | null;
  superseded: unknown;
}

/** One page of documents, newest first, with the total; optionally of one account. */
export async function listDocumentRows(db: Executor, filter: { accountId?: number | undefined; offset: number; limit: number }): Promise<{ rows: DocumentListRow[]; total: number }> {
  let query = db
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
  if (filter.accountId !== undefined) query = query.where('d.account_id', '=', filter.accountId);
  const [rows, total] = await Promise.all([
    query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    (filter.accountId !== undefined ? db.selectFrom('document').where('account_id', '=', filter.accountId) : db.selectFrom('document'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The stored letters of these ids, in post-room order: by postal code, then id. */
export async function findLetterRows(db: Executor, ids: readonly number[]) {
  return db.selectFrom('document').select(['id', 'account_id', 'payload_enc', 'postal_code']).where('id', 'in', [...ids]).orderBy('postal_code').orderBy('id').execute();
}

export async function findDocument(db: Executor, id: number) {
  return db.selectFrom('document').select(['id', 'account_id', 'title']).where('id', '=', id).executeTakeFirst();
}

export async function deleteDocumentRow(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('document').where('id', '=', id).execute();
}

export interface NewLetterRow {
  accountId: number;
  title: string;
  postalCode: string | null;
  payloadEnc: string;
  createdAt: string;
  createdBy: number | null;
}

/** Inserts activation letters' document rows in one statement (a bulk activation's batch), in their order. */
export async function insertLetterRows(trx: Executor, letters: readonly NewLetterRow[]): Promise<void> {
  if (letters.length === 0) return;
  await trx
    .insertInto('document')
    .values(
      letters.map((l) => ({
        account_id: l.accountId,
        kind: 'activation-letter' as const,
        title: l.title,
        postal_code: l.postalCode,
        payload_enc: l.payloadEnc,
        created_at: l.createdAt,
        created_by: l.createdBy,
      })),
    )
    .execute();
}
