import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_MARKER } from '../../electron/core/outbox/outbox-port';
import { outboxQueue } from '../../electron/core/outbox/outbox-queue';
import { OutboxWorker } from '../../electron/core/outbox/outbox-worker';
import { SECRET_KEY_FILE, keyFileSecretBox } from '../../electron/core/outbox/secret-box';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestCore, type TestCore } from '../support/core';
import { onPostgres } from '../support/test-database';

/** Secrets at rest: the SMTP password and a queued mail's token are never in the database in the clear. */
let t: TestCore;
let sink: SmtpSink;
const TOKEN = 'raw-token-5d1e9b7c3a8f2e6d4b0c9a7e5f3d1b8c';
const PASSWORD = 'smtp-password-9f8e7d6c';

beforeEach(async () => {
  t = await startTestCore();
  sink = await startSmtpSink({ auth: { user: 'mailer', pass: PASSWORD } });
});
afterEach(async () => {
  await sink.close();
  await t.close();
});

const smtp = (password?: string) => ({
  host: '127.0.0.1',
  port: sink.port,
  tls: 'none' as const,
  user: 'mailer',
  senderAddress: 'portier@example.com',
  senderName: 'Portier',
  ...(password === undefined ? {} : { password }),
});

/** Every text value of every table, to search a "dump" of the database. */
async function everyText(): Promise<string[]> {
  const db = t.core.deps.db;
  const tables = await (onPostgres
    ? sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
    : sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`
  ).execute(db);
  const values: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db);
    for (const row of rows.rows) for (const v of Object.values(row)) if (typeof v === 'string') values.push(v);
  }
  return values;
}

describe('secrets at rest', () => {
  it('stores the SMTP password encrypted, never returns it, and keeps it when the update leaves it out', async () => {
    const saved = await t.call('smtp:update', smtp(PASSWORD));
    expect(saved).toMatchObject({ configured: true, passwordSet: true, user: 'mailer' });
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    expect(JSON.stringify(await t.call('smtp:get', {}))).not.toContain(PASSWORD);
    const kept = await t.call('smtp:update', { ...smtp(), senderName: 'Portier Mail' });
    expect(kept).toMatchObject({ passwordSet: true, senderName: 'Portier Mail' });
    expect((await everyText()).some((v) => v.includes(PASSWORD))).toBe(false);
    // The stored password still works: the test mail logs in with it.
    expect(await t.call('smtp:test', { to: 'admin@example.com' })).toEqual({ ok: true, error: null, responseCode: null });
    expect(sink.logins.at(-1)).toEqual({ user: 'mailer', pass: PASSWORD });
    expect(sink.mails[0]?.to).toEqual(['admin@example.com']);
  });

  it("reports the server's error from a test mail, and a wrong password fails a mail at once", async () => {
    await t.call('smtp:update', smtp('wrong-password'));
    const test = await t.call('smtp:test', { to: 'admin@example.com' });
    expect(test.ok).toBe(false);
    expect(test.error).toMatch(/535/);
    const id = await outboxQueue(t.core.deps.secretBox)(t.core.deps.db, { kind: 'test', to: 'a@example.com', subject: 's', html: '<p>h</p>', text: 't', accountId: null }, new Date());
    const worker = new OutboxWorker({ deps: t.core.deps, dataDir: t.core.dataDir });
    expect(await worker.runOnce()).toMatchObject({ failed: 1, retried: 0 });
    await worker.stop();
    const failed = await t.call('outbox:get', { id });
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toMatch(/535|auth/i);
  });

  it('keeps no raw token in the database, before or after sending', async () => {
    await t.call('smtp:update', smtp(PASSWORD));
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const body = `https://portal.example.com/activate/${SECRET_MARKER}`;
    await outboxQueue(t.core.deps.secretBox)(
      t.core.deps.db,
      { kind: 'activation', to: 'c@example.com', subject: 'Activate', html: `<a href="${body}">x</a>`, text: body, accountId: null, secret: { value: TOKEN, expiresAt } },
      new Date(),
    );
    const leaks = async () => (await everyText()).filter((v) => v.includes(TOKEN) || v.includes(PASSWORD));
    expect(await leaks()).toEqual([]);
    const worker = new OutboxWorker({ deps: t.core.deps, dataDir: t.core.dataDir });
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    await worker.stop();
    expect(sink.mails[0]?.body).toContain(TOKEN);
    expect(await leaks()).toEqual([]);
    for (const file of [t.core.databaseFile, `${t.core.databaseFile}-wal`]) {
      if (fs.existsSync(file)) expect(fs.readFileSync(file).includes(TOKEN), file).toBe(false);
    }
  });

  it(`keeps the key ${onPostgres ? "in the office database (every process of the office uses it), not in the data folder" : 'in a file only the user can read'}; another key cannot open a blob`, async () => {
    const box = t.core.deps.secretBox;
    const blob = box.encrypt('hello');
    expect(blob).toMatch(/^v1:/);
    expect(box.encrypt('hello')).not.toBe(blob); // a fresh IV each time
    expect(box.decrypt(blob)).toBe('hello');
    if (onPostgres) {
      expect(fs.existsSync(path.join(t.core.dataDir, SECRET_KEY_FILE))).toBe(false);
      expect((await t.core.deps.db.selectFrom('office_key').select('name').orderBy('name').execute()).map((r) => r.name)).toEqual(['code-hash', 'secret-box']);
    } else {
      expect(fs.statSync(path.join(t.core.dataDir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    }
    const other = fs.mkdtempSync(path.join(t.core.dataDir, 'other-'));
    expect(() => keyFileSecretBox(other).decrypt(blob)).toThrow();
  });
});
