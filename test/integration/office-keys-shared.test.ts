import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../electron/core/activation/account-secrets';
import { CODE_KEY_FILE } from '../../electron/core/activation/code-key';
import type { SessionSlot } from '../../electron/core/auth/session';
import { letterOf } from '../../electron/core/documents/letter-document';
import { keyOf } from '../../electron/core/office-keys/office-key-material';
import { OutboxWorker } from '../../electron/core/outbox/outbox-worker';
import { SECRET_KEY_FILE } from '../../electron/core/outbox/secret-box';
import { DEFAULT_SMS_BODY_TEMPLATE } from '../../shared/api/sms-gateway';
import { ADMIN, setTestPortalUrl, signedIn } from '../support/core';
import { openOfficeCore, type OfficeCore } from '../support/office';
import { portalSlot } from '../support/portal';
import { NO_POSTGRES, postgresAnswers, throwawayDatabase, type ThrowawayDatabase } from '../support/postgres';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

/**
 * Issue 13: several processes of one office (two desktops, browser mode, the portal, the CLI),
 * each with a data folder of its own, on one PostgreSQL database share the office's keys: what
 * one seals, another opens; a code one issues, another accepts. The database is this file's own,
 * so it runs once (vitest.config.ts, SQLITE_ONLY).
 */
const pgUp = await postgresAnswers();
const skip = pgUp ? '' : NO_POSTGRES;
const SMTP_PASSWORD = 'smtp-password-4e7a1c9b';
const SMS_SECRET = 'Bearer sms-secret-8d2f6b0a';
const NEW_PASSWORD = 'Lantern-Orbit-42';

let database: ThrowawayDatabase;
let a: OfficeCore;
let b: OfficeCore;
let bAdmin: SessionSlot;
let sink: SmtpSink;

beforeEach(async () => {
  if (!pgUp) return;
  database = await throwawayDatabase();
  sink = await startSmtpSink({ auth: { user: 'mailer', pass: SMTP_PASSWORD } });
  a = await openOfficeCore(database.url, 'portier-office-a-');
  await a.core.call(a.admin, 'setup:create-administrator', { ...ADMIN });
  await setTestPortalUrl(a.core);
  b = await openOfficeCore(database.url, 'portier-office-b-');
  bAdmin = await signedIn(b.core, ADMIN.email, ADMIN.password);
}, 60_000);
afterEach(async () => {
  if (!pgUp) return;
  await a.close();
  await b.close();
  await sink.close();
  await database.drop();
});

/** Desk A saves the SMTP server with its password, creates an account and sends its activation. */
async function activationFromA(): Promise<number> {
  await a.core.call(a.admin, 'smtp:update', { host: '127.0.0.1', port: sink.port, tls: 'none', user: 'mailer', password: SMTP_PASSWORD, senderAddress: 'portier@example.com', senderName: 'Portier' });
  const organisation = await a.core.call(a.admin, 'organisations:create', { name: 'Brouwerij De Ster', addressLine1: 'Stationsplein 1', postalCode: '3511 AA', city: 'Utrecht' });
  const groups = await a.core.call(a.admin, 'role-groups:list', {});
  const { id } = await a.core.call(a.admin, 'portal-accounts:create', { username: 'anna@example.com', links: [{ organisationId: organisation.id, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] });
  expect(await a.core.call(a.admin, 'portal-accounts:send-activation', { ids: [id] })).toMatchObject([{ accountId: id, outcome: 'sent' }]);
  return id;
}

/** B's outbox worker sends what is due, once. */
async function sendThroughB() {
  const worker = new OutboxWorker({ deps: b.core.deps, dataDir: b.dataDir });
  try {
    return await worker.runOnce();
  } finally {
    await worker.stop();
  }
}

/** The link the mail carried, as the customer clicks it. */
function tokenInMail(): string {
  const link = /https:\/\/portal\.example\.com\/activate\?token=([\w-]+)/.exec(sink.mails.at(-1)?.body ?? '');
  if (!link?.[1]) throw new Error('the mail carries no activation link');
  return link[1];
}

/**
 * The code printed in the activation letter, as B's staff open it: B renders A's letter (a PDF)
 * and reads its code from the letter's sealed data.
 */
async function codeInLetterThroughB(accountId: number): Promise<string> {
  const letter = (await b.core.call(bAdmin, 'documents:list', { accountId })).rows[0];
  const pdf = await b.core.call(bAdmin, 'documents:open', { id: letter?.id ?? 0 });
  expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const row = await b.core.deps.db.selectFrom('document').select('payload_enc').where('id', '=', letter?.id ?? 0).executeTakeFirstOrThrow();
  return letterOf(b.core.deps.secretBox, row.payload_enc).code;
}

describe('two processes with data folders of their own on one office database', () => {
  it.skipIf(!pgUp)(`A queues an activation mail, B's outbox worker sends it with the right link, logging in with the SMTP password saved through A${skip}`, async () => {
    const accountId = await activationFromA();
    expect(await sendThroughB()).toMatchObject({ smtpConfigured: true, sent: 1, failed: 0, retried: 0 });
    expect(sink.logins.at(-1)).toEqual({ user: 'mailer', pass: SMTP_PASSWORD });
    expect(sink.mails.map((m) => m.to)).toEqual([['anna@example.com']]);
    // The link is the one A issued: its hash is the account's open activation token.
    const token = await b.core.deps.db.selectFrom('portal_account_token').select('token_hash').where('account_id', '=', accountId).executeTakeFirstOrThrow();
    expect(hashToken(tokenInMail())).toBe(token.token_hash);
    // Neither data folder holds a key: the office's keys are in the database.
    for (const dir of [a.dataDir, b.dataDir]) for (const file of [SECRET_KEY_FILE, CODE_KEY_FILE]) expect(fs.existsSync(path.join(dir, file))).toBe(false);
  });

  it.skipIf(!pgUp)(`the activation code of A's letter opens the account in B's portal, the link opened in A's portal${skip}`, async () => {
    const accountId = await activationFromA();
    await sendThroughB();
    const code = await codeInLetterThroughB(accountId);
    // The customer's first request reaches portal A (which seals the token in the link's state), the form portal B.
    const { state } = await a.core.portalCall(portalSlot(), 'portal-links:open', { kind: 'activation', token: tokenInMail() });
    expect(await b.core.portalCall(portalSlot(), 'portal-activation:activate', { state, code, password: NEW_PASSWORD })).toEqual({ username: 'anna@example.com' });
    const account = await a.core.deps.db.selectFrom('portal_account').select(['activated_at', 'password_hash']).where('id', '=', accountId).executeTakeFirstOrThrow();
    expect(account.activated_at).not.toBeNull();
    expect(account.password_hash).not.toBeNull();
    // The customer signs in through either portal.
    await expect(a.core.portalCall(portalSlot(), 'portal-session:sign-in', { username: 'anna@example.com', password: NEW_PASSWORD })).resolves.toBeDefined();
  });

  it.skipIf(!pgUp)(`the SMS gateway's secret saved through B is what A's settings keep; no answer and no audit entry shows a secret or a key${skip}`, async () => {
    await activationFromA();
    const answers: unknown[] = [];
    answers.push(await b.core.call(bAdmin, 'sms-gateway:update', { url: 'https://sms.example.com/send', headerName: 'Authorization', secret: SMS_SECRET, bodyTemplate: DEFAULT_SMS_BODY_TEMPLATE }));
    answers.push(await a.core.call(a.admin, 'sms-gateway:get', {}), await b.core.call(bAdmin, 'smtp:get', {}), await a.core.call(a.admin, 'smtp:get', {}));
    answers.push(await a.core.call(a.admin, 'settings:get', {}), await b.core.call(bAdmin, 'audit:list', { limit: 500 }));
    expect(answers[1]).toMatchObject({ configured: true, secretSet: true });
    expect(answers[2]).toMatchObject({ configured: true, passwordSet: true });
    const { readSmsGateway } = await import('../../electron/core/outbox/sms-gateway-settings');
    expect((await readSmsGateway(a.core.deps.db, a.core.deps.secretBox))?.secret).toBe(SMS_SECRET);

    const rows = await a.core.deps.db.selectFrom('office_key').select(['name', 'material']).orderBy('name').execute();
    expect(rows.map((r) => r.name)).toEqual(['code-hash', 'secret-box']);
    const keys = rows.map((r) => keyOf(r.name as 'secret-box' | 'code-hash', r.material, null));
    expect(keys[0]?.equals(a.core.deps.codeKey)).toBe(true);
    const secrets = [SMTP_PASSWORD, SMS_SECRET, ...keys.flatMap((k) => [k.toString('base64'), k.toString('hex'), k.toString('base64url')]), ...rows.map((r) => r.material)];
    const auditRows = JSON.stringify(await a.core.deps.db.selectFrom('audit_log').selectAll().execute());
    expect(auditRows.length).toBeGreaterThan(100);
    for (const secret of secrets) {
      expect(JSON.stringify(answers)).not.toContain(secret);
      expect(auditRows).not.toContain(secret);
    }
  });
});

describe('two processes starting at once on an empty office database', () => {
  it.skipIf(!pgUp)(`agree on one set of keys, 10 rounds out of 10${skip}`, async () => {
    for (let round = 0; round < 10; round++) {
      const empty = await throwawayDatabase();
      const [x, y] = await Promise.all([openOfficeCore(empty.url, 'portier-race-x-'), openOfficeCore(empty.url, 'portier-race-y-')]);
      try {
        expect(x.core.deps.codeKey.equals(y.core.deps.codeKey), `round ${round}`).toBe(true);
        expect(y.core.deps.secretBox.decrypt(x.core.deps.secretBox.encrypt(`round ${round}`))).toBe(`round ${round}`);
        expect(x.core.deps.secretBox.decrypt(y.core.deps.secretBox.encrypt(`round ${round}`))).toBe(`round ${round}`);
        expect(await x.core.deps.db.selectFrom('office_key').select('name').execute()).toHaveLength(2);
      } finally {
        await x.close();
        await y.close();
        await empty.drop();
      }
    }
  }, 180_000);
});
