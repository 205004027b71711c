import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ALONE_FROM_ATTEMPT } from '../../electron/core/db/dialect/postgres-serializable';
import { inSavepoint, inTransactionWithSavepoints } from '../../electron/core/db/savepoints';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { tempDataDir } from '../support/core';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';

/**
 * Issue 13: a transaction refused twice for a serialization failure runs alone on PostgreSQL
 * (postgres-serializable.ts): it waits for the transactions running to end and those begun
 * after it wait for it, so it cannot lose again. This file's own database: it runs once
 * (postgres-*.test.ts are in SQLITE_ONLY).
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;

let database: ThrowawayDatabase;
let data: ReturnType<typeof tempDataDir>;
let core: PortierCore;

beforeAll(async () => {
  if (!pgUp) return;
  data = tempDataDir('portier-turns-pg-');
  database = await throwawayDatabase();
  core = await openPortierCore({ dataDir: data.dir, databaseUrl: database.url });
}, 60_000);
afterAll(async () => {
  if (!pgUp) return;
  await core.close();
  await database.drop();
  data.remove();
});

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const serializationFailure = () => Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

it.skipIf(!pgUp)(`a transaction refused twice waits for the one running, and one begun after it waits for it${skip}`, async () => {
  const db = core.deps.db;
  const order: string[] = [];
  const first = gate();
  const running = db.transaction().execute(async (trx) => {
    await sql`SELECT 1`.execute(trx);
    order.push('running: in');
    await first.opened;
    order.push('running: out');
  });
  await settle();
  let attempts = 0;
  const unlucky = db.transaction().execute(async (trx) => {
    attempts += 1;
    if (attempts < ALONE_FROM_ATTEMPT) throw serializationFailure();
    await sql`SELECT 1`.execute(trx);
    order.push('alone: in');
    await settle();
    order.push('alone: out');
  });
  await settle();
  const later = db.transaction().execute(async (trx) => {
    await sql`SELECT 1`.execute(trx);
    order.push('later: in');
  });
  await settle();
  // The lone transaction waits for the running one, the later one behind it.
  expect(order).toEqual(['running: in']);
  first.open();
  await Promise.all([running, unlucky, later]);
  expect(order).toEqual(['running: in', 'running: out', 'alone: in', 'alone: out', 'later: in']);
  expect(attempts).toBe(ALONE_FROM_ATTEMPT);
});

it.skipIf(!pgUp)(`a transaction begun inside a lone one's callback takes no turn, so it does not wait for its own caller${skip}`, async () => {
  const db = core.deps.db;
  let attempts = 0;
  const inner = await db.transaction().execute(async () => {
    attempts += 1;
    if (attempts < ALONE_FROM_ATTEMPT) throw serializationFailure();
    return Promise.race([
      db.transaction().execute(async (trx) => (await sql<{ n: number }>`SELECT 1 AS n`.execute(trx)).rows[0]?.n),
      new Promise((resolve) => setTimeout(() => resolve('waited'), 3_000)),
    ]);
  });
  expect(inner).toBe(1);
});

it.skipIf(!pgUp)(`transactions beside each other do not wait for each other${skip}`, async () => {
  const db = core.deps.db;
  const both = gate();
  let inside = 0;
  const enter = () =>
    db.transaction().execute(async (trx) => {
      await sql`SELECT 1`.execute(trx);
      inside += 1;
      if (inside === 2) both.open();
      await both.opened;
    });
  const done = Promise.all([enter(), enter()]);
  const result = await Promise.race([done.then(() => 'both ran'), new Promise((resolve) => setTimeout(() => resolve('one waited'), 3_000))]);
  both.open();
  await done;
  expect(result).toBe('both ran');
});

it.skipIf(!pgUp)(`a transaction with savepoints (Kysely's controlled transaction) is retried after a serialization failure in a savepoint, and runs alone like the others${skip}`, async () => {
  const db = core.deps.db;
  const order: string[] = [];
  const first = gate();
  const running = db.transaction().execute(async (trx) => {
    await sql`SELECT 1`.execute(trx);
    order.push('running: in');
    await first.opened;
    order.push('running: out');
  });
  await settle();
  let attempts = 0;
  const unlucky = inTransactionWithSavepoints(db, async (trx) => {
    attempts += 1;
    // A serialization failure is the whole transaction's: thrown on, not kept to the savepoint.
    const written = await inSavepoint(trx, 'step', async () => {
      if (attempts < ALONE_FROM_ATTEMPT) throw serializationFailure();
      await trx.insertInto('setting').values({ key: 'savepoint-test', value_json: '1' }).execute();
    });
    order.push('alone: in');
    await settle();
    order.push('alone: out');
    return written.ok;
  });
  await settle();
  expect(order).toEqual(['running: in']);
  first.open();
  await Promise.all([running, unlucky]);
  expect(await unlucky).toBe(true);
  expect(order).toEqual(['running: in', 'running: out', 'alone: in', 'alone: out']);
  expect(attempts).toBe(ALONE_FROM_ATTEMPT);
  expect(await db.selectFrom('setting').select('value_json').where('key', '=', 'savepoint-test').executeTakeFirst()).toEqual({ value_json: '1' });
});
