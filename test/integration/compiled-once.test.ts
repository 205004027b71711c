import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledOnce } from '../../electron/core/db/compiled-once';
import { startTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  await t.close();
});

describe('a query compiled once', () => {
  it('binds each run’s own values, also one value in several places, and keeps the constants', async () => {
    const insert = compiledOnce((db, at: string, action: string, entityId: number | null) =>
      db.insertInto('audit_log').values({ at, staff_id: null, entity: 'settings', entity_id: entityId, action, before_json: null, after_json: at }).returning('id'),
    );
    const first = await insert(t.core.deps.db, '2026-11-01T10:00:00.000Z', 'first', 7);
    const second = await insert(t.core.deps.db, '2026-11-02T10:00:00.000Z', 'second', null);
    const rows = await t.core.deps.db.selectFrom('audit_log').selectAll().where('id', 'in', [first.rows[0]?.id ?? 0, second.rows[0]?.id ?? 0]).orderBy('id').execute();
    expect(rows.map((r) => [r.at, r.action, r.entity, r.entity_id, r.after_json])).toEqual([
      ['2026-11-01T10:00:00.000Z', 'first', 'settings', 7, '2026-11-01T10:00:00.000Z'],
      ['2026-11-02T10:00:00.000Z', 'second', 'settings', null, '2026-11-02T10:00:00.000Z'],
    ]);
  });

  it('reads what the builder reads, inside a transaction too', async () => {
    const org = await t.call('organisations:create', { name: 'Eenmaal BV', city: 'Utrecht' });
    const byId = compiledOnce((db, id: number) => db.selectFrom('organisation').select(['id', 'name', 'city']).where('id', '=', id));
    expect((await byId(t.core.deps.db, org.id)).rows).toEqual([{ id: org.id, name: 'Eenmaal BV', city: 'Utrecht' }]);
    await t.core.deps.db.transaction().execute(async (trx) => {
      expect((await byId(trx, org.id)).rows[0]?.name).toBe('Eenmaal BV');
      expect((await byId(trx, org.id + 1000)).rows).toEqual([]);
    });
  });

  it('refuses an argument that is not bound as a parameter', async () => {
    const odd = compiledOnce((db, column: string) => db.selectFrom('organisation').select(sql.ref(column).as('x')));
    await expect(odd(t.core.deps.db, 'name')).rejects.toThrow(/argument 0 is not bound/);
  });
});
