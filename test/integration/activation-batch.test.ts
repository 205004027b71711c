import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { sendActivations } from '../../electron/core/activation/activation-service';
import type { Actor } from '../../electron/core/context';
import { dialectOf } from '../../electron/core/db/dialect/of-database';
import { startWithAccount, type TestCore } from '../support/core';

// A bulk activation writes its accounts in batches, one statement per step for the whole batch
// (issue 13: ten round trips per account made it 3.6x slower than sending on PostgreSQL). Each
// account stays an atomic unit all the same: when the database refuses one account's row, the
// batch is rolled back to its savepoint and written again account by account.

let t: TestCore;
let actor: Actor;
let ids: number[];
const now = new Date('2026-11-01T10:00:00.000Z');

beforeEach(async () => {
  let first: number;
  ({ t, actor, accountId: first } = await startWithAccount(() => now));
  const [org] = (await t.call('organisations:list', { offset: 0, limit: 1 })).rows;
  const [group] = await t.call('role-groups:list', {});
  ids = [first];
  for (const name of ['bert', 'cor', 'dirk', 'eva']) {
    const { id } = await t.call('portal-accounts:create', { username: `${name}@example.com`, links: [{ organisationId: org?.id ?? 0, isDefault: true }], roleGroupIds: [group?.id ?? 0] });
    ids.push(id);
  }
});
afterEach(async () => {
  await t.close();
});

const db = () => t.core.deps.db;

/** A real refusal by the database (no mock): a trigger that aborts any letter for this account. */
async function refuseLettersFor(accountId: number): Promise<void> {
  if (dialectOf(db()).name === 'postgres') {
    await sql.raw(`CREATE FUNCTION refuse_letter() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'letter refused for this account'; END $$`).execute(db());
    await sql.raw(`CREATE TRIGGER refuse_letter BEFORE INSERT ON document FOR EACH ROW WHEN (NEW.account_id = ${accountId}) EXECUTE FUNCTION refuse_letter()`).execute(db());
  } else {
    await sql.raw(`CREATE TRIGGER refuse_letter BEFORE INSERT ON document WHEN NEW.account_id = ${accountId} BEGIN SELECT RAISE(ABORT, 'letter refused for this account'); END`).execute(db());
  }
}

/** What an activation leaves behind for each account: tokens, mails, letters, audit entries, and the list's status. */
async function traces(accountIds: readonly number[]) {
  const count = async (table: 'portal_account_token' | 'outbox_mail' | 'document', id: number) =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('account_id', '=', id).executeTakeFirstOrThrow()).n);
  const rows = [];
  for (const id of accountIds) {
    const audit = await t.call('audit:list', { entity: 'portal-account', entityId: id, limit: 10 });
    rows.push({
      id,
      status: (await t.call('portal-accounts:get', { id })).status,
      tokens: await count('portal_account_token', id),
      mails: await count('outbox_mail', id),
      letters: await count('document', id),
      sentAudits: audit.rows.filter((r) => r.action === 'activation-sent').length,
    });
  }
  return rows;
}

const sent = (id: number) => ({ id, status: 'invited', tokens: 1, mails: 1, letters: 1, sentAudits: 1 });

describe('bulk activation in batches', () => {
  it('writes every account of a call, and reports them in the order asked, skipped ones included', async () => {
    await t.call('portal-accounts:set-active', { id: ids[1] ?? 0, active: false });
    const report = await sendActivations(t.core.deps, actor, [...ids, 999_999]);
    expect(report.map((r) => r.outcome)).toEqual(['sent', 'skipped_inactive', 'sent', 'sent', 'sent', 'skipped_missing']);
    expect(report.map((r) => r.accountId)).toEqual([...ids, 999_999]);
    const [a, , c, d, e] = ids as [number, number, number, number, number];
    expect(await traces([a, c, d, e])).toEqual([sent(a), sent(c), sent(d), sent(e)]);
    // One mail and one letter per account, in the order of the call.
    const mails = await db().selectFrom('outbox_mail').select('account_id').orderBy('id').execute();
    expect(mails.map((m) => m.account_id)).toEqual([a, c, d, e]);
    const letters = await db().selectFrom('document').select('account_id').orderBy('id').execute();
    expect(letters.map((l) => l.account_id)).toEqual([a, c, d, e]);
  });

  it('issues an account named twice in one call twice, the second voiding the first, as one at a time would', async () => {
    const [a] = ids as [number];
    const report = await sendActivations(t.core.deps, actor, [a, a]);
    expect(report.map((r) => [r.accountId, r.outcome])).toEqual([
      [a, 'sent'],
      [a, 'sent'],
    ]);
    const tokens = await db().selectFrom('portal_account_token').select(['voided_at']).where('account_id', '=', a).orderBy('id').execute();
    expect(tokens.map((tk) => tk.voided_at)).toEqual([now.toISOString(), null]);
  });

  it('keeps the account whose letter the database refuses as it was, writes the others of its batch, and reports it as failed', async () => {
    const refused = ids[2] ?? 0;
    await refuseLettersFor(refused);
    const before = await t.call('portal-accounts:get', { id: refused });
    const report = await sendActivations(t.core.deps, actor, ids);
    expect(report.filter((r) => r.outcome === 'failed')).toEqual([{ accountId: refused, outcome: 'failed', expiresAt: null }]);
    expect(report.map((r) => r.accountId)).toEqual(ids);
    const others = ids.filter((id) => id !== refused);
    expect(await traces(others)).toEqual(others.map(sent));
    expect(await traces([refused])).toEqual([{ id: refused, status: 'no_access', tokens: 0, mails: 0, letters: 0, sentAudits: 0 }]);
    expect(await t.call('portal-accounts:get', { id: refused })).toEqual(before);
  });

  it('writes a call of more accounts than one batch holds', async () => {
    const [org] = (await t.call('organisations:list', { offset: 0, limit: 1 })).rows;
    const at = now.toISOString();
    const usernames = Array.from({ length: 620 }, (_, i) => `klant${i}@example.nl`);
    const rows = await db()
      .insertInto('portal_account')
      .values(usernames.map((username) => ({ username, username_key: username, language: 'nl' as const, active: 1, created_at: at, updated_at: at })))
      .returning('id')
      .execute();
    await db()
      .insertInto('portal_account_link')
      .values(rows.map(({ id }) => ({ account_id: id, organisation_id: org?.id ?? 0, person_id: null, is_default: 1 })))
      .execute();
    const many = rows.map((r) => r.id);
    const report = await sendActivations(t.core.deps, actor, many);
    expect(report.filter((r) => r.outcome === 'sent')).toHaveLength(620);
    const mails = await db().selectFrom('outbox_mail').select('account_id').orderBy('id').execute();
    expect(mails.map((m) => m.account_id)).toEqual(many);
    const open = await db().selectFrom('portal_account_token').select('account_id').where('voided_at', 'is', null).orderBy('account_id').execute();
    expect(open.map((o) => o.account_id)).toEqual([...many].sort((x, y) => x - y));
  });
});
