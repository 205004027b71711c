import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { startTestCore, type TestCore } from '../support/core';

/**
 * Issue 9, point 2: a stored SMTP password never follows the settings to another server.
 * Two real SMTP servers: "ours" requires the password, "other" offers AUTH to anyone and
 * logs every try, as a server set up to catch passwords would.
 */
let t: TestCore;
let ours: SmtpSink;
let other: SmtpSink;
const PASSWORD = 'smtp-password-3c7a9e1f';

beforeEach(async () => {
  t = await startTestCore();
  ours = await startSmtpSink({ auth: { user: 'mailer', pass: PASSWORD } });
  other = await startSmtpSink({ offerAuth: true });
});
afterEach(async () => {
  await other.close();
  await ours.close();
  await t.close();
});

const settings = (port: number, extra: { host?: string; tls?: 'none' | 'starttls' | 'tls'; password?: string } = {}) => ({
  host: extra.host ?? '127.0.0.1',
  port,
  tls: extra.tls ?? ('none' as const),
  user: 'mailer',
  senderAddress: 'portier@example.com',
  senderName: 'Portier',
  ...(extra.password === undefined ? {} : { password: extra.password }),
});

const auditActions = async () =>
  (await t.core.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'smtp-updated').execute()).map((r) => r.after_json);

describe('the stored SMTP password and a changed server', () => {
  it('is removed when the port changes without the password retyped, so the other server never sees a login', async () => {
    await t.call('smtp:update', settings(ours.port, { password: PASSWORD }));
    expect(await t.call('smtp:test', { to: 'admin@example.com' })).toMatchObject({ ok: true });
    expect(ours.logins).toEqual([{ user: 'mailer', pass: PASSWORD }]);

    const moved = await t.call('smtp:update', settings(other.port));
    expect(moved).toMatchObject({ port: other.port, passwordSet: false, user: 'mailer' });
    expect(await t.call('smtp:test', { to: 'admin@example.com' })).toMatchObject({ ok: true });
    expect(other.mails).toHaveLength(1);
    expect(other.logins).toEqual([]);
    expect(other.mails.some((m) => m.raw.includes(PASSWORD))).toBe(false);
    // The audit says the password went, never what it was.
    const audits = await auditActions();
    expect(audits.at(-1)).toContain('"passwordSet":false');
    expect(audits.join('')).not.toContain(PASSWORD);
  });

  it('is removed when the host or the TLS mode changes, and kept when only other fields change', async () => {
    await t.call('smtp:update', settings(ours.port, { password: PASSWORD }));
    expect(await t.call('smtp:update', { ...settings(ours.port), senderName: 'Portier Mail' })).toMatchObject({ passwordSet: true });
    // DNS names are case-insensitive: the same server in capitals keeps its password.
    await t.call('smtp:update', settings(ours.port, { host: 'localhost', password: PASSWORD }));
    expect(await t.call('smtp:update', settings(ours.port, { host: 'LOCALHOST' }))).toMatchObject({ passwordSet: true });
    expect(await t.call('smtp:update', settings(ours.port, { host: '127.0.0.1' }))).toMatchObject({ passwordSet: false });

    await t.call('smtp:update', settings(ours.port, { password: PASSWORD }));
    expect(await t.call('smtp:update', settings(ours.port, { tls: 'tls' }))).toMatchObject({ passwordSet: false });
  });

  it('follows to the new server only when typed again', async () => {
    await t.call('smtp:update', settings(ours.port, { password: 'old-password' }));
    const retyped = await t.call('smtp:update', settings(other.port, { password: PASSWORD }));
    expect(retyped).toMatchObject({ passwordSet: true });
    await t.call('smtp:test', { to: 'admin@example.com' });
    expect(other.logins).toEqual([{ user: 'mailer', pass: PASSWORD }]);
  });
});
