import { parse } from 'pg-connection-string';
import { describe, expect, it } from 'vitest';
import { connectionProblemOf } from '../../electron/core/db/dialect/postgres-probe';
import { redactDatabaseUrl } from '../../electron/core/db/dialect/database-url';
import { shownOfUrl, urlOfChoice } from '../../electron/core/office-database/office-database-url';
import type { OfficeDatabaseChoice } from '../../electron/core/office-database/remembered-database';
import { parseDatabaseUrl, sameConnection } from '../../shared/database-address';

/** Issue 13: the connect screen's address, as the screen reads a pasted URL and as the driver gets it. */
const choice: OfficeDatabaseChoice = { host: 'db.office.example', port: 5433, database: 'Büro Köln', user: 'portier@office', password: 'p@ss:w/o rd%?#&=', sslmode: 'require', caFile: null };

describe('the URL the core opens for a choice', () => {
  it('gives node-postgres exactly the host, port, database, user and password typed, whatever characters they hold', () => {
    const config = parse(urlOfChoice(choice));
    expect(config).toMatchObject({ host: 'db.office.example', port: '5433', database: 'Büro Köln', user: 'portier@office', password: 'p@ss:w/o rd%?#&=' });
  });

  it('means by sslmode what libpq means: require encrypts without checking, verify-full checks against the CA file, disable is plain', () => {
    expect(parse(urlOfChoice(choice)).ssl).toEqual({ rejectUnauthorized: false });
    expect(parse(urlOfChoice({ ...choice, sslmode: 'disable' })).ssl).toBe(false);
    const verified = parse(urlOfChoice({ ...choice, sslmode: 'verify-full' })).ssl;
    expect(verified).toEqual({});
  });

  it('puts an IPv6 address in brackets, and shows the URL without its password', () => {
    expect(parse(urlOfChoice({ ...choice, host: '::1' })).host).toBe('::1');
    expect(redactDatabaseUrl(urlOfChoice(choice))).not.toContain(encodeURIComponent(choice.password ?? ''));
    expect(shownOfUrl(urlOfChoice(choice))).toEqual({ host: 'db.office.example', port: 5433, database: 'Büro Köln', user: 'portier@office', sslmode: 'require', caFile: null, passwordSet: true });
  });
});

describe('a pasted postgres:// address', () => {
  it('is taken apart into the fields, with libpq defaults for what it leaves out', () => {
    expect(parseDatabaseUrl('postgres://portier:s%40cret@db.example.com/portier')).toEqual({ host: 'db.example.com', port: 5432, database: 'portier', user: 'portier', password: 's@cret', sslmode: 'prefer', caFile: null });
    expect(parseDatabaseUrl('postgresql://u@[::1]:6543/d?sslmode=verify-ca&sslrootcert=/etc/ca.pem')).toEqual({ host: '::1', port: 6543, database: 'd', user: 'u', password: '', sslmode: 'verify-full', caFile: '/etc/ca.pem' });
  });

  it('is refused when it is no postgres:// address or names an unknown mode', () => {
    for (const text of ['', 'mysql://u@h/d', 'postgres://', 'db.example.com:5432/portier', 'postgres://u@h/d?sslmode=sometimes']) expect(parseDatabaseUrl(text), text).toBeNull();
  });
});

describe('the remembered password', () => {
  it('counts for the same server, database, user and encryption only', () => {
    const a = { host: 'DB.example.com', port: 5432, database: 'portier', user: 'portier', sslmode: 'verify-full' as const, caFile: '/etc/ca.pem' };
    expect(sameConnection(a, { ...a, host: 'db.example.com' })).toBe(true);
    for (const change of [{ host: 'evil.example.com' }, { port: 5433 }, { database: 'other' }, { user: 'postgres' }, { sslmode: 'require' as const }, { caFile: null }]) {
      expect(sameConnection(a, { ...a, ...change }), JSON.stringify(change)).toBe(false);
    }
  });
});

describe('what a driver error means at the connect screen', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it('names the field for PostgreSQL SQLSTATEs, socket errors, TLS verdicts and node-postgres messages', () => {
    expect(connectionProblemOf(withCode('28P01'))).toBe('wrong-password');
    expect(connectionProblemOf(withCode('28000'))).toBe('access-refused');
    expect(connectionProblemOf(withCode('3D000'))).toBe('database-missing');
    expect(connectionProblemOf(withCode('ENOTFOUND'))).toBe('host-unknown');
    expect(connectionProblemOf(withCode('ECONNREFUSED'))).toBe('host-unreachable');
    expect(connectionProblemOf(new Error('Connection terminated due to connection timeout'))).toBe('host-unreachable');
    expect(connectionProblemOf(withCode('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('certificate-rejected');
    expect(connectionProblemOf(new Error('The server does not support SSL connections'))).toBe('tls-unsupported');
    expect(connectionProblemOf(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'))).toBe('password-needed');
    expect(connectionProblemOf(withCode('53300', 'sorry, too many clients already'))).toBe('other');
  });
});
