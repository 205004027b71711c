import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { keyFileSecretBox } from '../../electron/core/outbox/secret-box';
import { rememberedFileOf, writeRememberedChoice } from '../../electron/core/office-database/remembered-database';
import { RememberedDatabaseUnavailable, type SwitchingCore } from '../../electron/core/office-database/switching-core';
import type { InputOf } from '../../shared/api';
import type { Result } from '../../shared/result';
import { ADMIN, migratedDataDir } from '../support/core';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';
import { administratorSlot, invokeOn, openTestBackOffice } from '../support/switching-back-office';

/**
 * Issue 13, the connect screen's "Use this database" and "Back to this desk's own database":
 * the back office re-opens on the chosen database in the same process, everyone signs in
 * again, the choice is remembered with its password sealed, a restart opens it again, and
 * --database on the command line wins.
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;

type Address = InputOf<'office-database:use'>;

/** Trust auth ignores it; it is there to be sealed, and to be looked for where it must not be. */
const PASSWORD = 'Sealed-Päss/word:@42';

let data: { dir: string; remove: () => void };
let office: ThrowawayDatabase;
let other: ThrowawayDatabase;
const opened: SwitchingCore[] = [];

async function open(commandLineUrl?: string): Promise<SwitchingCore> {
  const back = await openTestBackOffice(data.dir, commandLineUrl);
  opened.push(back);
  return back;
}

beforeAll(async () => {
  data = migratedDataDir();
  if (pgUp) {
    office = await throwawayDatabase();
    other = await throwawayDatabase();
  }
});
afterAll(async () => {
  for (const back of opened) await back.close().catch(() => undefined);
  data.remove();
  if (pgUp) await Promise.all([office.drop(), other.drop()]);
});

const address = (change: Partial<Address> = {}): Address => ({ host: '127.0.0.1', port: 5432, database: office.name, user: 'postgres', password: PASSWORD, sslmode: 'prefer', caFile: null, ...change });
const rememberedFile = () => path.join(data.dir, 'office-database.json');

function valueOf<T>(result: Result<unknown>): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result.ok ? result.value : null) as T;
}

/** Every way the password could be written: as typed, percent-encoded, in base64. */
function expectNoPassword(text: string): void {
  for (const form of [PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(PASSWORD).toString('base64')]) expect(text).not.toContain(form);
}

describe('choosing the office database' + skip, () => {
  it.skipIf(!pgUp)('re-opens on it: the signed-in administrator is signed out, the empty database asks for its first administrator', async () => {
    const back = await open();
    const admin = await administratorSlot(back);
    expect(valueOf(await invokeOn(back, admin, 'office-database:get', {}))).toEqual({ current: { kind: 'sqlite' }, chosenBy: 'default', remembered: null, canSwitch: true });
    const used = await invokeOn(back, admin, 'office-database:use', address());
    const shown = { host: '127.0.0.1', port: 5432, database: office.name, user: 'postgres', sslmode: 'prefer', caFile: null, passwordSet: true };
    expect(valueOf(used)).toEqual({ current: { kind: 'postgres', address: shown }, chosenBy: 'remembered', remembered: shown, canSwitch: true });
    expectNoPassword(JSON.stringify(used));
    // The same window, its next call: a staff id of the SQLite file means nothing here.
    expect(valueOf(await invokeOn(back, admin, 'session:current', {}))).toBeNull();
    expect(valueOf(await invokeOn(back, admin, 'setup:status', {}))).toMatchObject({ needsAdministrator: true });
    expect(back.current.databaseFile).toContain(office.name);
    expectNoPassword(back.current.databaseFile);
    // Portier's schema was created there.
    const client = new pg.Client({ connectionString: office.url });
    await client.connect();
    const { rows } = await client.query<{ version: number }>('SELECT version FROM portier_schema_version');
    await client.end();
    expect(rows[0]?.version).toBeGreaterThan(0);
    // The desk's own database keeps who moved it where, without the password.
    const own = new Database(path.join(data.dir, 'portier.sqlite'), { readonly: true });
    const entries = own.prepare("SELECT staff_id, entity, before_json, after_json, label FROM audit_log WHERE action = 'database-switched'").all() as Record<string, unknown>[];
    own.close();
    expect(entries).toEqual([
      { staff_id: expect.any(Number), entity: 'settings', before_json: JSON.stringify({ officeDatabase: null }), after_json: expect.stringContaining(`@127.0.0.1:5432/${office.name}`), label: os.hostname() },
    ]);
    expect(entries[0]?.staff_id).not.toBeNull();
    expectNoPassword(JSON.stringify(entries));
    expect(String(entries[0]?.after_json)).toContain('postgres:***@');
  });

  it.skipIf(!pgUp)('remembers it in the data folder, owner-only, the password sealed, never in clear', () => {
    const text = fs.readFileSync(rememberedFile(), 'utf8');
    expectNoPassword(text);
    const remembered = JSON.parse(text) as Record<string, unknown>;
    expect(remembered).toMatchObject({ version: 1, host: '127.0.0.1', port: 5432, database: office.name, user: 'postgres', sslmode: 'prefer', caFile: null });
    expect(remembered.sealedPassword).toMatch(/^v1:/);
    if (process.platform !== 'win32') expect(fs.statSync(rememberedFile()).mode & 0o077).toBe(0);
  });

  it.skipIf(!pgUp)('opens the remembered database on the next start, its password unsealed, and tests it without retyping the password', async () => {
    for (const back of opened.splice(0)) await back.close();
    const back = await open();
    expect(back.current.deps.officeDatabase).toMatchObject({ chosenBy: 'remembered', currentUrl: expect.stringContaining(encodeURIComponent(PASSWORD)) });
    // The desktop window before sign-in (the office database has no administrator yet).
    const desk = newSessionSlot('app');
    expect(valueOf(await invokeOn(back, desk, 'office-database:get', {}))).toMatchObject({ chosenBy: 'remembered', current: { kind: 'postgres' } });
    expect(valueOf(await invokeOn(back, desk, 'office-database:test', address({ password: undefined })))).toMatchObject({ schema: 'current' });
  });

  it.skipIf(!pgUp)('goes back to this desk’s own database, where the SQLite data still is, and forgets the office database', async () => {
    const back = opened.at(-1) as SwitchingCore;
    const desk = newSessionSlot('app');
    expect(valueOf(await invokeOn(back, desk, 'office-database:forget', {}))).toEqual({ current: { kind: 'sqlite' }, chosenBy: 'default', remembered: null, canSwitch: true });
    expect(fs.existsSync(rememberedFile())).toBe(false);
    expect(back.current.databaseFile).toBe(path.join(data.dir, 'portier.sqlite'));
    expect(valueOf(await invokeOn(back, desk, 'setup:status', {}))).toMatchObject({ needsAdministrator: false });
    expect(valueOf(await invokeOn(back, desk, 'session:sign-in', { email: ADMIN.email, password: ADMIN.password }))).toMatchObject({ email: ADMIN.email });
    // The office's log says which desk went back to its own database (nobody signed in there: no staff).
    const client = new pg.Client({ connectionString: office.url });
    await client.connect();
    const { rows } = await client.query<{ staff_id: number | null; before_json: string; after_json: string; label: string }>(
      "SELECT staff_id, before_json, after_json, label FROM audit_log WHERE action = 'database-switched'",
    );
    await client.end();
    expect(rows).toEqual([{ staff_id: null, before_json: expect.stringContaining(`@127.0.0.1:5432/${office.name}`), after_json: JSON.stringify({ officeDatabase: null }), label: os.hostname() }]);
    expectNoPassword(JSON.stringify(rows));
  });
});

describe('what is refused' + skip, () => {
  it.skipIf(!pgUp)('a database a newer Portier changed: test says so, use refuses it and remembers nothing', async () => {
    const client = new pg.Client({ connectionString: other.url });
    await client.connect();
    await client.query('CREATE TABLE portier_schema_version (id smallint PRIMARY KEY, version integer NOT NULL); INSERT INTO portier_schema_version VALUES (1, 9999)');
    await client.end();
    const back = opened.at(-1) as SwitchingCore;
    const admin = await administratorSlot(back);
    expect(valueOf(await invokeOn(back, admin, 'office-database:test', address({ database: other.name })))).toMatchObject({ schema: 'newer', schemaVersion: 9999 });
    expect(await invokeOn(back, admin, 'office-database:use', address({ database: other.name }))).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { database: { code: 'schema_too_new' } } } });
    expect(fs.existsSync(rememberedFile())).toBe(false);
    expect(back.current.databaseFile).toBe(path.join(data.dir, 'portier.sqlite'));
  });

  it.skipIf(!pgUp)('changing the database while --database (or PORTIER_DATABASE_URL) decided it: that choice wins', async () => {
    for (const back of opened.splice(0)) await back.close();
    const back = await open(office.url);
    const desk = newSessionSlot('app');
    const status = valueOf<{ chosenBy: string; canSwitch: boolean }>(await invokeOn(back, desk, 'office-database:get', {}));
    expect(status).toMatchObject({ chosenBy: 'command-line', canSwitch: false, current: { kind: 'postgres', address: { database: office.name } } });
    expect(await invokeOn(back, desk, 'office-database:forget', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', params: { reason: 'command-line' } } });
    expect(await invokeOn(back, desk, 'office-database:use', address({ database: other.name }))).toMatchObject({ ok: false, error: { code: 'CONFLICT', params: { reason: 'command-line' } } });
    expect(fs.existsSync(rememberedFile())).toBe(false);
  });
});

describe('a remembered office database that cannot be opened at start', () => {
  it('stops the start with a message that says how to go on, never the password: unreachable, or a damaged file', async () => {
    const { dir, remove } = migratedDataDir();
    try {
      const box = keyFileSecretBox(dir);
      writeRememberedChoice(rememberedFileOf(dir), { host: '127.0.0.1', port: 9, database: 'portier', user: 'portier', password: PASSWORD, sslmode: 'disable', caFile: null }, box, new Date());
      const unreachable = await openTestBackOffice(dir).then(
        () => null,
        (error: unknown) => error,
      );
      expect(unreachable).toBeInstanceOf(RememberedDatabaseUnavailable);
      expect((unreachable as Error).message).toMatch(/127\.0\.0\.1:9.*cannot be opened/s);
      expect((unreachable as Error).message).toContain(`delete ${rememberedFileOf(dir)}`);
      expectNoPassword((unreachable as Error).message);

      fs.writeFileSync(rememberedFileOf(dir), '{"version": 1, "host": ');
      await expect(openTestBackOffice(dir)).rejects.toThrow(/damaged/);
      // --database wins: the damaged file is not even read.
      if (pgUp) {
        const back = await openTestBackOffice(dir, office.url);
        expect(back.current.deps.officeDatabase?.chosenBy).toBe('command-line');
        await back.close();
      }
    } finally {
      remove();
    }
  });
});
