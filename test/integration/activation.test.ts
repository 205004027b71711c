import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { formatCode, hashToken, normaliseCode } from '../../electron/core/activation/account-secrets';
import { MAX_CODE_ATTEMPTS, activateAccount, sendActivations, type IssuedActivation } from '../../electron/core/activation/activation-service';
import type { Actor } from '../../electron/core/context';
import { errorOf, startWithAccount, type TestCore } from '../support/core';
import { recordingIssued } from '../support/recording-ports';
import { fingerprintedTables } from '../support/database-fingerprint';

let t: TestCore;
let now: Date;
let actor: Actor;
let accountId: number;
const issued: IssuedActivation[] = [];
const PASSWORD = 'Lantern-Orbit-42';

beforeEach(async () => {
  now = new Date('2026-11-01T10:00:00.000Z');
  issued.length = 0;
  ({ t, actor, accountId } = await startWithAccount(() => now));
});
afterEach(async () => {
  await t.close();
});

const send = (ids: number[] = [accountId]) => sendActivations(recordingIssued(t.core.deps, issued), actor, ids);
const activate = (i: IssuedActivation, overrides: Partial<{ token: string; code: string; password: string }> = {}) =>
  activateAccount(t.core.deps, { token: i.token, code: i.code, password: PASSWORD, ...overrides });
const status = async () => (await t.call('portal-accounts:get', { id: accountId })).status;
const last = () => issued[issued.length - 1] as IssuedActivation;

describe('activation', () => {
  it('issues a link token and a letter code, shows the account as invited, and activates it with both', async () => {
    const report = await send();
    expect(report).toEqual([{ accountId, outcome: 'sent', expiresAt: '2026-11-15T10:00:00.000Z' }]);
    expect(last().token).toMatch(/^[\w-]{43}$/);
    expect(last().code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const invited = await t.call('portal-accounts:get', { id: accountId });
    expect(invited).toMatchObject({ status: 'invited', activationSentAt: now.toISOString(), activationExpiresAt: '2026-11-15T10:00:00.000Z', activationSentByName: 'Ada Administrator' });
    // Typed the way people type codes from paper: lower case, spaces instead of dashes.
    await activate(last(), { code: normaliseCode(last().code).toLowerCase().replace(/(.{4})/g, '$1 ') });
    expect(await status()).toBe('active');
    const audit = await t.call('audit:list', { entity: 'portal-account', entityId: accountId, limit: 10 });
    expect(audit.rows.map((r) => r.action).slice(0, 2)).toEqual(['activated', 'activation-sent']);
  });

  it('is single use', async () => {
    await send();
    await activate(last());
    expect((await errorOf(activate(last(), { password: 'Another-Orbit-43' }))).code).toBe('INVALID_TOKEN');
  });

  it('voids the old token when a new one is issued', async () => {
    await send();
    const first = last();
    await send();
    expect((await errorOf(activate(first))).code).toBe('INVALID_TOKEN');
    await activate(last());
    expect(await status()).toBe('active');
  });

  it('counts wrong codes and kills the token after the limit, with the same answer as an unknown token', async () => {
    await send();
    const wrong = formatCode('ACDEFGHJKMNP') === last().code ? 'PNMKJHGFEDCA' : 'ACDEFGHJKMNP';
    for (let i = 0; i < MAX_CODE_ATTEMPTS; i++) {
      const error = await errorOf(activate(last(), { code: wrong }));
      expect(error.code).toBe('INVALID_TOKEN');
    }
    const unknown = await errorOf(activate({ ...last(), token: 'x'.repeat(43) }));
    const dead = await errorOf(activate(last()));
    expect(dead.code).toBe('INVALID_TOKEN');
    expect(dead.message).toBe(unknown.message);
    expect(await status()).toBe('invited');
  });

  it('expires at its instant: valid one second before, refused one second after', async () => {
    await send();
    const expiry = Date.parse(last().expiresAt);
    now = new Date(expiry + 1000);
    expect((await errorOf(activate(last()))).code).toBe('INVALID_TOKEN');
    expect(await status()).toBe('invitation_expired');
    now = new Date(expiry - 1000);
    await activate(last());
    expect(await status()).toBe('active');
  });

  it('enforces the password policy without using up the token', async () => {
    await send();
    const weak = await errorOf(activate(last(), { password: 'short' }));
    expect(weak).toMatchObject({ code: 'VALIDATION', fields: { password: { code: 'weak_password' } } });
    await activate(last());
    expect(await status()).toBe('active');
  });

  it('skips accounts that are deactivated, already active or missing, and reports why', async () => {
    await send();
    await activate(last());
    const org = await t.call('organisations:create', { name: 'Other BV' });
    const groups = await t.call('role-groups:list', {});
    const off = await t.call('portal-accounts:create', { username: 'off@example.com', active: false, links: [{ organisationId: org.id, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] });
    const report = await send([accountId, off.id, 999_999]);
    expect(report.map((r) => r.outcome)).toEqual(['skipped_activated', 'skipped_inactive', 'skipped_missing']);
  });

  it('keeps no raw token or code anywhere in the database, only the token’s hash', async () => {
    await send();
    const tables = await fingerprintedTables(t.core.deps.db as unknown as Kysely<unknown>);
    let dump = '';
    for (const { name } of tables) dump += JSON.stringify((await sql`SELECT * FROM ${sql.table(name)}`.execute(t.core.deps.db)).rows);
    expect(dump).toContain(hashToken(last().token));
    expect(dump).not.toContain(last().token);
    expect(dump).not.toContain(normaliseCode(last().code));
    expect(dump).not.toContain(last().code);
  });
});
