import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_MARKER } from '../../electron/core/outbox/outbox-port';
import { OutboxWorker } from '../../electron/core/outbox/outbox-worker';
import { queueSms, smsNumber } from '../../electron/core/outbox/sms-queue';
import { databaseFingerprint, errorOf, startTestCore, type TestCore } from '../support/core';
import { startSmsGateway, type SmsGatewayStub } from '../support/sms-gateway';

/** Text messages through the outbox: queued in a transaction, sent by the worker to a real HTTP gateway on the loopback, or kept as files. */
let t: TestCore;
let now: Date;
let worker: OutboxWorker;
let gateway: SmsGatewayStub | null;

const CODE = '482915';
const queue = (to = '+31612345678') =>
  queueSms(t.core.deps.db, t.core.deps.secretBox, { kind: 'two-step-code', to, text: `Your sign-in code: ${SECRET_MARKER}`, accountId: null, secret: { value: CODE, expiresAt: new Date(now.getTime() + 5 * 60_000).toISOString() } }, now);
const row = (id: number) => t.core.deps.db.selectFrom('outbox_mail').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function useGateway(answers: number[] = [], bodyTemplate = '{"to": "{{to}}", "text": "{{text}}"}'): Promise<SmsGatewayStub> {
  gateway = await startSmsGateway(answers);
  await t.call('sms-gateway:update', { url: gateway.url, headerName: 'Authorization', secret: 'Bearer gw-secret-51', bodyTemplate });
  return gateway;
}

beforeEach(async () => {
  now = new Date();
  t = await startTestCore({ clock: () => now });
  gateway = null;
  worker = new OutboxWorker({ deps: t.core.deps, dataDir: t.core.dataDir, random: () => 0.5 });
});
afterEach(async () => {
  await worker.stop();
  await gateway?.close();
  await t.close();
});

describe('SMS in the outbox', () => {
  it('posts a queued SMS to the gateway with the secret header and the code put in, then scrubs the code', async () => {
    const g = await useGateway();
    const id = await queue();
    const report = await worker.runOnce();
    expect(report.sms).toEqual({ gatewayConfigured: true, sent: 1, retried: 0, failed: 0, filesWritten: 0 });
    expect(g.requests).toHaveLength(1);
    const [request] = g.requests;
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers.authorization).toBe('Bearer gw-secret-51');
    expect(request?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(request?.body ?? '')).toEqual({ to: '+31612345678', text: `Your sign-in code: ${CODE}` });
    expect(await row(id)).toMatchObject({ channel: 'sms', status: 'sent', attempts: 1, secret_enc: null });
    // Mails are not touched by the SMS side, and SMS not by the mail side: no .eml for it.
    expect(report).toMatchObject({ smtpConfigured: false, emlWritten: 0 });
  });

  it('retries after the gateway answers 500, with backoff, and sends at the next due run', async () => {
    const g = await useGateway([500]);
    const id = await queue();
    expect((await worker.runOnce()).sms).toMatchObject({ sent: 0, retried: 1 });
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, last_error: 'HTTP 500: {"error":"gateway down"}' });
    expect(Date.parse(waiting.next_attempt_at)).toBeGreaterThan(now.getTime());
    expect((await worker.runOnce()).sms).toMatchObject({ sent: 0, retried: 0 });
    now = new Date(Date.parse(waiting.next_attempt_at) + 1);
    expect((await worker.runOnce()).sms).toMatchObject({ sent: 1 });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(g.requests.map((r) => JSON.parse(r.body).text)).toEqual([`Your sign-in code: ${CODE}`, `Your sign-in code: ${CODE}`]);
  });

  it('gives up at once when the gateway refuses the request itself (400), and retries when it is unreachable', async () => {
    await useGateway([400]);
    const refused = await queue();
    expect((await worker.runOnce()).sms).toMatchObject({ failed: 1 });
    expect(await row(refused)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'HTTP 400: {"error":"gateway down"}' });
    // A port nothing listens on any more.
    const closed = await startSmsGateway();
    await closed.close();
    await t.call('sms-gateway:update', { url: closed.url, headerName: 'Authorization', bodyTemplate: '{"to": "{{to}}", "text": "{{text}}"}' });
    const unreachable = await queue();
    expect((await worker.runOnce()).sms).toMatchObject({ retried: 1 });
    expect((await row(unreachable)).last_error).toMatch(/ECONNREFUSED/);
  });

  it('fills a form template with the values percent-encoded, so a message cannot add a field', async () => {
    const g = await useGateway([], 'to={{to}}&body={{text}}&from=Portier');
    await queueSms(t.core.deps.db, t.core.deps.secretBox, { kind: 'two-step-code', to: '+4915112345678', text: `Code & more=${SECRET_MARKER}`, accountId: null, secret: { value: CODE, expiresAt: new Date(now.getTime() + 60_000).toISOString() } }, now);
    await worker.runOnce();
    expect(g.requests[0]?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(g.requests[0]?.body))).toEqual({ to: '+4915112345678', body: `Code & more=${CODE}`, from: 'Portier' });
  });

  it('without a gateway keeps each SMS once as a .sms.txt file (mode 0600) and leaves it queued', async () => {
    const id = await queue();
    expect((await worker.runOnce()).sms).toEqual({ gatewayConfigured: false, sent: 0, retried: 0, failed: 0, filesWritten: 1 });
    const file = path.join(t.core.dataDir, 'outbox', `${String(id).padStart(6, '0')}.sms.txt`);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('To: +31612345678');
    expect(text).toContain(`Your sign-in code: ${CODE}`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await row(id)).toMatchObject({ status: 'queued' });
    expect((await row(id)).eml_written_at).not.toBeNull();
    expect((await worker.runOnce()).sms.filesWritten).toBe(0);
    const list = await t.call('outbox:list', { offset: 0, limit: 10 });
    expect(list).toMatchObject({ smsGatewayConfigured: false });
    expect(list.rows[0]).toMatchObject({ channel: 'sms', to: '+31612345678', subject: 'Your sign-in code: ••••••' });
    expect((await t.call('outbox:get', { id })).text).toBe('Your sign-in code: ••••••');
  });

  it('keeps the gateway secret encrypted, shows only that it is set, keeps it for the same origin and drops it for another', async () => {
    const saved = await t.call('sms-gateway:update', { url: 'https://sms.example.com/send', headerName: 'X-Api-Key', secret: 'key-8c1d2e', bodyTemplate: '{"to": "{{to}}", "text": "{{text}}"}' });
    expect(saved).toEqual({ configured: true, url: 'https://sms.example.com/send', headerName: 'X-Api-Key', secretSet: true, bodyTemplate: '{"to": "{{to}}", "text": "{{text}}"}' });
    const stored = await t.core.deps.db.selectFrom('setting').select('value_json').where('key', '=', 'sms-gateway').executeTakeFirstOrThrow();
    expect(stored.value_json).not.toContain('key-8c1d2e');
    expect((await t.call('sms-gateway:update', { url: 'https://sms.example.com/v2/send', headerName: 'X-Api-Key', bodyTemplate: '{"to": "{{to}}", "text": "{{text}}"}' })).secretSet).toBe(true);
    expect((await t.call('sms-gateway:update', { url: 'https://elsewhere.example.net/send', headerName: 'X-Api-Key', bodyTemplate: '{"to": "{{to}}", "text": "{{text}}"}' })).secretSet).toBe(false);
    const audit = await t.core.deps.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'sms-gateway-updated').execute();
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain('key-8c1d2e');
    expect(await t.call('sms-gateway:remove', {})).toMatchObject({ configured: false });
  });

  it('refuses a template without both placeholders, with another placeholder, or that is no JSON once filled, changing nothing', async () => {
    const before = await databaseFingerprint(t.core);
    const attempt = (bodyTemplate: string) => errorOf(t.call('sms-gateway:update', { url: 'https://sms.example.com/send', bodyTemplate }));
    expect((await attempt('{"to": "{{to}}"}')).fields).toEqual({ bodyTemplate: { code: 'missing_placeholder' } });
    expect((await attempt('{"to": "{{to}}", "text": "{{text}}", "x": "{{name}}"}')).fields).toEqual({ bodyTemplate: { code: 'unknown_placeholder' } });
    expect((await attempt('{"to": {{to}}, "text": "{{text}}"}')).fields).toEqual({ bodyTemplate: { code: 'invalid_template' } });
    expect((await errorOf(t.call('sms-gateway:update', { url: 'ftp://sms.example.com/', bodyTemplate: '{{to}} {{text}}' }))).fields).toMatchObject({ url: { code: 'invalid_format' } });
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('reads mobile numbers as a gateway needs them', () => {
    expect(smsNumber('+31 6 1234-5678')).toBe('+31612345678');
    expect(smsNumber('0049 (151) 123.456.78')).toBe('+4915112345678');
    expect(smsNumber('call me')).toBeNull();
    expect(smsNumber(null)).toBeNull();
  });
});
