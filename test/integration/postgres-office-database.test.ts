import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionSlot, type SessionSlot } from '../../electron/core/auth/session';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import type { SwitchingCore } from '../../electron/core/office-database/switching-core';
import type { InputOf } from '../../shared/api';
import type { OfficeDatabaseTestResult } from '../../shared/api/office-database';
import type { Result } from '../../shared/result';
import { migratedDataDir } from '../support/core';
import { NO_PASSWORD_POSTGRES, postgresBinDir, startPasswordPostgres, type PasswordPostgres } from '../support/password-postgres';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';
import { administratorSlot, invokeOn, openTestBackOffice } from '../support/switching-back-office';

/**
 * Issue 13, the connect screen's "Test connection" (office-database:test) through the back
 * office's dispatcher: what it finds on a real server, and every failure as a field error in
 * Portier's words. The shared server (trust, no TLS) and a private one with passwords and TLS.
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;
const skipPrivate = pgUp && postgresBinDir() ? '' : NO_PASSWORD_POSTGRES;

type Address = InputOf<'office-database:test'>;

let data: { dir: string; remove: () => void };
let back: SwitchingCore;
let admin: SessionSlot;
let database: ThrowawayDatabase;
let privateServer: PasswordPostgres | null = null;

beforeAll(async () => {
  data = migratedDataDir();
  back = await openTestBackOffice(data.dir);
  admin = await administratorSlot(back);
  if (pgUp) database = await throwawayDatabase();
  if (!skipPrivate) privateServer = await startPasswordPostgres();
}, 60_000);
afterAll(async () => {
  await back.close();
  data.remove();
  if (pgUp) await database.drop();
  await privateServer?.stop();
});

/** The shared server's throwaway database, over a plain connection. */
const shared = (change: Partial<Address> = {}): Address => ({ host: '127.0.0.1', port: 5432, database: database.name, user: 'postgres', sslmode: 'disable', caFile: null, ...change });

/** The private server's database, as its owner, over TLS checked against the test CA. */
const office = (change: Partial<Address> = {}): Address => {
  const server = privateServer as PasswordPostgres;
  return { host: 'localhost', port: server.port, database: server.database, user: server.user, password: server.password, sslmode: 'verify-full', caFile: server.caFile, ...change };
};

const test = (input: Address, slot = admin) => invokeOn(back, slot, 'office-database:test', input);

/** The one field error of a refused test, as { field: code }; fails when the call succeeded. */
function fieldErrorOf(result: Result<unknown>): Record<string, string> {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return {};
  expect(result.error.code).toBe('VALIDATION');
  return Object.fromEntries(Object.entries(result.error.fields ?? {}).map(([field, error]) => [field, error.code]));
}

describe('testing a connection on the shared server' + skip, () => {
  it.skipIf(!pgUp)('answers the server version, an unencrypted line and a database without Portier yet, changing nothing', async () => {
    const result = await test(shared());
    expect(result).toEqual({ ok: true, value: { serverVersion: expect.stringMatching(/^\d+(\.\d+)?/), encrypted: false, schema: 'missing', schemaVersion: null, latestVersion: MIGRATIONS.at(-1)?.version, clockOffsetMs: expect.any(Number) } });
    // The server runs on this machine: one clock, apart only by the round trip.
    expect(Math.abs(result.ok ? (result.value as OfficeDatabaseTestResult).clockOffsetMs : Infinity)).toBeLessThan(1000);
    // Nothing remembered, nothing switched.
    expect(fs.existsSync(path.join(data.dir, 'office-database.json'))).toBe(false);
    expect(back.current.databaseFile).toBe(path.join(data.dir, 'portier.sqlite'));
  });

  it.skipIf(!pgUp)('puts each failure next to its field: no server on the port, an unknown host, a missing database', async () => {
    expect(fieldErrorOf(await test(shared({ port: 9 })))).toEqual({ host: 'host_unreachable' });
    expect(fieldErrorOf(await test(shared({ host: 'no-such-host.invalid' })))).toEqual({ host: 'host_unknown' });
    expect(fieldErrorOf(await test(shared({ database: 'portier_no_such_database' })))).toEqual({ database: 'database_missing' });
  });

  it.skipIf(!pgUp)('asks for TLS: "require" is refused by a server without it, "prefer" falls back to a plain line as libpq does', async () => {
    expect(fieldErrorOf(await test(shared({ sslmode: 'require' })))).toEqual({ sslmode: 'tls_unsupported' });
    expect(await test(shared({ sslmode: 'prefer' }))).toMatchObject({ ok: true, value: { encrypted: false } });
  });

  it.skipIf(!pgUp)('checks the CA file before connecting: missing, or no certificate', async () => {
    expect(fieldErrorOf(await test(shared({ sslmode: 'verify-full', caFile: path.join(data.dir, 'no-such-ca.pem') })))).toEqual({ caFile: 'file_unreadable' });
    const notACertificate = path.join(data.dir, 'not-a-ca.pem');
    fs.writeFileSync(notACertificate, 'just some text\n');
    expect(fieldErrorOf(await test(shared({ sslmode: 'verify-full', caFile: notACertificate })))).toEqual({ caFile: 'not_a_certificate' });
    expect(fieldErrorOf(await test(shared({ sslmode: 'verify-full', caFile: 'relative/ca.pem' })))).toEqual({ caFile: 'invalid_format' });
  });
});

describe('bad input', () => {
  it('is refused by the contract before any connection, field by field', async () => {
    const base: Address = { host: '127.0.0.1', port: 5432, database: 'portier', user: 'portier', sslmode: 'disable', caFile: null };
    expect(fieldErrorOf(await test({ ...base, host: 'db host' }))).toEqual({ host: 'invalid_format' });
    expect(fieldErrorOf(await test({ ...base, host: 'user@db' }))).toEqual({ host: 'invalid_format' });
    expect(fieldErrorOf(await test({ ...base, port: 0 }))).toEqual({ port: 'too_small' });
    expect(fieldErrorOf(await test({ ...base, port: 70_000 }))).toEqual({ port: 'too_big' });
    expect(fieldErrorOf(await test({ ...base, database: 'a/b' }))).toEqual({ database: 'invalid_format' });
    expect(fieldErrorOf(await test({ ...base, database: '' }))).toEqual({ database: 'required' });
    expect(fieldErrorOf(await test({ ...base, user: 'por\ttier' }))).toEqual({ user: 'control_character' });
    expect(fieldErrorOf(await test({ ...base, sslmode: 'allow' as never }))).toEqual({ sslmode: 'invalid_value' });
    expect(fieldErrorOf(await test({ ...base, caFile: '/etc/ssl/ca.pem' }))).toEqual({ caFile: 'invalid_value' });
    expect(fieldErrorOf(await test({ ...base, url: 'postgres://x' } as never))).toEqual({ url: 'unknown_field' });
  });
});

describe('testing a connection on a server with passwords and TLS' + skipPrivate, () => {
  it.skipIf(!!skipPrivate)('connects over a verified TLS line with the right password, and finds no Portier there yet', async () => {
    expect(await test(office())).toMatchObject({ ok: true, value: { encrypted: true, schema: 'missing' } });
    // "require" encrypts without checking the certificate (libpq's meaning): no CA file needed.
    expect(await test(office({ sslmode: 'require', caFile: null }))).toMatchObject({ ok: true, value: { encrypted: true } });
  });

  it.skipIf(!!skipPrivate)('says the password is wrong, or missing, next to the password, and never answers the password', async () => {
    const wrong = await test(office({ password: 'Not-The-Password-42' }));
    expect(fieldErrorOf(wrong)).toEqual({ password: 'wrong_password' });
    expect(JSON.stringify(wrong)).not.toContain('Not-The-Password-42');
    expect(fieldErrorOf(await test(office({ password: undefined })))).toEqual({ password: 'required' });
    const unknownUser = await test(office({ user: 'nobody_here', password: 'Whatever-1' }));
    expect(Object.values(fieldErrorOf(unknownUser))).toEqual([expect.stringMatching(/^(wrong_password|access_refused)$/)]);
  });

  it.skipIf(!!skipPrivate)('refuses a certificate it cannot verify: without the CA file, or made out to another name', async () => {
    // The throwaway CA is in no system store.
    expect(fieldErrorOf(await test(office({ caFile: null })))).toEqual({ sslmode: 'certificate_rejected' });
    // The certificate names "localhost" only; 127.0.0.1 is another name.
    expect(fieldErrorOf(await test(office({ host: '127.0.0.1' })))).toEqual({ caFile: 'certificate_rejected' });
  });
});

describe('who may test a connection', () => {
  it('the desktop window before sign-in may; a browser tab before sign-in and staff who are no administrator may not', async () => {
    const base: Address = { host: '127.0.0.1', port: 9, database: 'portier', user: 'portier', sslmode: 'disable', caFile: null };
    // Allowed: it reaches the connection (and finds nobody on port 9).
    expect(fieldErrorOf(await test(base, newSessionSlot('app')))).toEqual({ host: 'host_unreachable' });
    expect(await test(base, newSessionSlot('browser'))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const created = await invokeOn(back, admin, 'staff:create', { name: 'Plain Staff', email: 'plain@example.com', password: 'Quiet-Harbour-72', role: 'staff', mayGrantAccess: true });
    expect(created.ok).toBe(true);
    const staff = newSessionSlot('browser');
    expect((await invokeOn(back, staff, 'session:sign-in', { email: 'plain@example.com', password: 'Quiet-Harbour-72' })).ok).toBe(true);
    for (const channel of ['office-database:get', 'office-database:forget'] as const) {
      expect(await invokeOn(back, staff, channel, {}), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await invokeOn(back, newSessionSlot('browser'), channel, {}), channel).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect(await test(base, staff)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invokeOn(back, staff, 'office-database:use', base)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the remembered password' + skipPrivate, () => {
  it.skipIf(!!skipPrivate)('is used again for the same connection only: never sent to another encryption unless typed again', async () => {
    const desk = newSessionSlot('app');
    expect(await invokeOn(back, desk, 'office-database:use', office())).toMatchObject({ ok: true, value: { chosenBy: 'remembered', remembered: { passwordSet: true } } });
    const text = fs.readFileSync(path.join(data.dir, 'office-database.json'), 'utf8');
    expect(text).not.toContain((privateServer as PasswordPostgres).password);
    // Portier's schema is there now, and the sealed password opens it without being typed.
    expect(await test(office({ password: undefined }), desk)).toMatchObject({ ok: true, value: { schema: 'current', encrypted: true } });
    expect(fieldErrorOf(await test(office({ password: undefined, sslmode: 'require', caFile: null }), desk))).toEqual({ password: 'required' });
    expect(await invokeOn(back, desk, 'office-database:forget', {})).toMatchObject({ ok: true, value: { current: { kind: 'sqlite' } } });
  });
});
