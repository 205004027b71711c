import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';

/*
 * A time entry is checked ("not locked") and then changed: a read-then-write. Locking it while 39
 * changes of it run in parallel must leave no change after the lock: every change the core
 * accepted is audited before the lock, every later one is refused as locked.
 */
let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(async () => {
  await t.close();
});

it('40 parallel calls: a lock among 39 changes of one entry; no change lands after the lock', async () => {
  const organisation = await t.call('organisations:create', { name: 'Schäfer & Söhne GmbH' });
  const project = await t.call('projects:create', { name: 'Werkstatt', organisationId: organisation.id });
  const task = await t.call('tasks:create', { projectId: project.id, name: 'Wartung' });
  const ticket = await t.call('tickets:create', { title: 'Ölwechsel', projectId: project.id, taskId: task.id });
  const entry = await t.call('time-entries:book', { ticketId: ticket.id, workDate: '2026-03-02', minutes: 10 });

  const calls = Array.from({ length: 40 }, (_, i) =>
    i === 20 ? t.core.invoke(t.admin, 'time-entries:lock', { ids: [entry.id] }) : t.core.invoke(t.admin, 'time-entries:update', { id: entry.id, minutes: 11 + i }),
  );
  const results = await Promise.all(calls);
  const refused = results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code));
  expect(new Set(refused)).toEqual(refused.length > 0 ? new Set(['CONFLICT']) : new Set());

  const audit = await sql<{ id: number; action: string }>`
    SELECT id, action FROM audit_log WHERE entity = 'time-entry' AND entity_id = ${entry.id} ORDER BY id`.execute(t.core.deps.db);
  const actions = audit.rows.map((r) => r.action);
  const lockAt = actions.indexOf('locked');
  expect(lockAt).toBeGreaterThan(0);
  // Nothing after the lock, and every accepted change is one audit entry before it.
  expect(actions.slice(lockAt + 1)).toEqual([]);
  const accepted = results.filter((r, i) => i !== 20 && r.ok).length;
  expect(actions.filter((a) => a === 'updated')).toHaveLength(accepted);
  expect(accepted + refused.length).toBe(39);

  // The entry holds the last accepted change, and a change now is refused.
  const detail = await t.call('tickets:get', { id: ticket.id });
  expect(detail.timeEntries[0]?.locked).toBe(true);
  const late = await t.core.invoke(t.admin, 'time-entries:delete', { id: entry.id });
  expect(late.ok ? null : late.error.code).toBe('CONFLICT');
});
