import fs from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toErrorPayload } from '../../electron/core/dispatch';
import { startTestCore, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(async () => {
  await t.close();
});

const count = async (table: 'organisation' | 'audit_log') => Number((await t.core.deps.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('a full disk', () => {
  it('gives DISK_FULL, "nothing was saved", when SQLite has no room left (max_page_count), and really saves nothing', async () => {
    const { db } = t.core.deps;
    const pages = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(db)).rows[0]?.page_count ?? 0;
    // SQLite's own limit on the file's size: past it, a write fails with SQLITE_FULL as on a full disk.
    await sql.raw(`PRAGMA max_page_count = ${pages + 2}`).execute(db);
    let failure = null;
    let before = { organisations: 0, audit: 0 };
    for (let i = 0; i < 2000 && !failure; i++) {
      before = { organisations: await count('organisation'), audit: await count('audit_log') };
      const result = await t.core.invoke(t.admin, 'organisations:create', { name: `Organisation ${i} ${'x'.repeat(150)}`, addressLine1: 'y'.repeat(150) });
      if (!result.ok) failure = result.error;
    }
    expect(failure).toEqual({ code: 'DISK_FULL', message: 'The disk is full: nothing was saved. Free some disk space and try again.' });
    // The organisation and its audit entry went together, or not at all.
    expect({ organisations: await count('organisation'), audit: await count('audit_log') }).toEqual(before);
    // Room again: the same call works.
    await sql.raw('PRAGMA max_page_count = 1073741823').execute(db);
    expect((await t.core.invoke(t.admin, 'organisations:create', { name: 'After the clean-up' })).ok).toBe(true);
  });

  it('gives DISK_FULL for the file system’s ENOSPC too (a real one: writing to /dev/full)', () => {
    let error: unknown;
    try {
      fs.writeFileSync('/dev/full', 'a letter');
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).toBe('ENOSPC');
    expect(toErrorPayload('documents:open', error).code).toBe('DISK_FULL');
    expect(toErrorPayload('documents:open', new Error('wrapped', { cause: error })).code).toBe('DISK_FULL');
    expect(toErrorPayload('documents:open', new Error('something else')).code).toBe('INTERNAL');
  });
});
