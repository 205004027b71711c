import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxWorker } from '../../electron/core/outbox/outbox-worker';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, customerWithPassword } from '../support/portal';
import { PortalBrowser, testPortal } from '../support/portal-http';
import { startSmsGateway, type SmsGatewayStub } from '../support/sms-gateway';
import { giveMobile, totpCode } from '../support/two-step';

/** Two-step login through the portal's pages (fastify inject), on a real SQLite file, with a clock the test moves. */
let t: TestCore;
let app: FastifyInstance;
let now: Date;
let gateway: SmsGatewayStub | null;

beforeEach(async () => {
  now = new Date('2026-12-05T09:00:10.000Z');
  t = await startTestCore({ clock: () => now });
  app = await testPortal(t);
  gateway = null;
});
afterEach(async () => {
  await app.close();
  await gateway?.close();
  await t.close();
});

const tick = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
const alert = (body: string) => /role="alert"[^>]*>([^<]+)</.exec(body)?.[1];

/** Sets up the authenticator app through the pages as the signed-in browser; answers the secret read from the page and the recovery codes shown. */
async function setUpTotp(browser: PortalBrowser): Promise<{ secret: string; codes: string[] }> {
  expect((await browser.get('/account/two-step')).body).toContain('Use an authenticator app');
  expect((await browser.post('/account/two-step/totp', {})).headers.location).toBe('/account/two-step');
  const page = await browser.get('/account/two-step');
  expect(page.body).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="QR code to add/);
  const secret = (/<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(page.body)?.[1] ?? '').replace(/ /g, '');
  expect(secret).toHaveLength(32);
  const wrong = await browser.post('/account/two-step/confirm', { method: 'totp', code: '999999' });
  expect(wrong.statusCode).toBe(400);
  expect(wrong.body).toContain('aria-invalid="true" aria-describedby="code-error"');
  expect(alert(wrong.body)).toBe('This code is not correct. Please try again.');
  const done = await browser.post('/account/two-step/confirm', { method: 'totp', code: await totpCode(t, secret) });
  expect(done.statusCode).toBe(200);
  const codes = [...done.body.matchAll(/<li><code>([A-Z0-9-]+)<\/code><\/li>/g)].map((m) => m[1] ?? '');
  expect(codes).toHaveLength(10);
  // Shown once: the page never shows them again.
  expect((await browser.get('/account/two-step')).body).not.toContain(codes[0]);
  return { secret, codes };
}

async function signInToCodePage(browser: PortalBrowser, username: string): Promise<void> {
  const response = await browser.signIn(username, CUSTOMER_PASSWORD);
  expect(response.headers.location).toBe('/two-step');
  expect((await browser.get('/tickets')).headers.location).toBe('/sign-in?notice=expired');
  expect((await browser.get('/two-step')).statusCode).toBe(200);
}

describe('two-step login in the portal', () => {
  it('sets up an authenticator app from the QR page, then signs in with a code computed from the secret; the same code again is refused', async () => {
    const customer = await customerWithPassword(t);
    const browser = new PortalBrowser(app);
    await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    const { secret } = await setUpTotp(browser);
    expect((await browser.get('/account/two-step')).body).toContain('Two-step login is on, with an authenticator app (since December 5, 2026).');
    await browser.post('/sign-out', {});

    tick(30);
    await signInToCodePage(browser, customer.username);
    const page = await browser.get('/two-step');
    expect(page.body).toContain('Enter the 6-digit code your authenticator app shows');
    expect(page.body).toContain('autocomplete="one-time-code"');
    const code = await totpCode(t, secret);
    const ok = await browser.post('/two-step', { code });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/tickets');
    expect((await browser.get('/tickets')).statusCode).toBe(200);
    await browser.post('/sign-out', {});

    await signInToCodePage(browser, customer.username);
    const replay = await browser.post('/two-step', { code });
    expect(replay.statusCode).toBe(400);
    expect(alert(replay.body)).toBe('This code is not correct, or no longer valid. 4 attempts left.');
    expect(replay.body).toContain('aria-invalid="true"');
    expect(replay.body).toContain(`value="${code}"`);
    expect((await browser.get('/tickets')).headers.location).toBe('/sign-in?notice=expired');
  });

  it('ends the sign-in after 5 wrong codes: the fifth answers with the sign-in-again page and the cookie goes', async () => {
    const customer = await customerWithPassword(t);
    const browser = new PortalBrowser(app);
    await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    const { secret } = await setUpTotp(browser);
    await browser.post('/sign-out', {});
    tick(30);
    await signInToCodePage(browser, customer.username);
    const answers: number[] = [];
    for (const code of ['111111', '222222', 'AAAAA-BBBBB', '333333']) answers.push((await browser.post('/two-step', { code })).statusCode);
    expect(answers).toEqual([400, 400, 400, 400]);
    const fifth = await browser.post('/two-step', { code: '444444' });
    expect(fifth.statusCode).toBe(401);
    expect(alert(fifth.body)).toContain('Your sign-in has ended');
    expect(browser.cookies.has('portier-session')).toBe(false);
    expect((await browser.get('/two-step')).headers.location).toBe('/sign-in?notice=expired');
    const late = await browser.post('/two-step', { code: await totpCode(t, secret) });
    expect(late.statusCode).toBe(401);
  });

  it('lets one of two sign-ins posting one code at the same moment in; the other is told the code is not valid', async () => {
    const customer = await customerWithPassword(t);
    const owner = new PortalBrowser(app);
    await owner.signIn(customer.username, CUSTOMER_PASSWORD);
    const { secret } = await setUpTotp(owner);
    tick(30);
    const a = new PortalBrowser(app, '203.0.113.21');
    const b = new PortalBrowser(app, '198.51.100.4');
    await signInToCodePage(a, customer.username);
    await signInToCodePage(b, customer.username);
    const code = await totpCode(t, secret);
    const answers = await Promise.all([a.post('/two-step', { code }), b.post('/two-step', { code })]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([303, 400]);
    const loser = answers.find((r) => r.statusCode === 400);
    expect(alert(loser?.body ?? '')).toBe('This code is not correct, or no longer valid. 4 attempts left.');
    const statuses = await Promise.all([a.get('/tickets'), b.get('/tickets')]);
    expect(statuses.map((r) => r.statusCode).sort()).toEqual([200, 303]);
  });

  it('answers a double click (the same sign-in posting one code twice at once) by signing in once', async () => {
    const customer = await customerWithPassword(t);
    const browser = new PortalBrowser(app);
    await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    const { secret } = await setUpTotp(browser);
    await browser.post('/sign-out', {});
    tick(30);
    await signInToCodePage(browser, customer.username);
    const code = await totpCode(t, secret);
    const answers = await Promise.all([browser.post('/two-step', { code }), browser.post('/two-step', { code })]);
    // The second finds the code used; its sign-in is in already, so it goes on to the tickets too.
    expect(answers.map((r) => [r.statusCode, r.headers.location])).toEqual([
      [303, '/tickets'],
      [303, '/tickets'],
    ]);
    const signIns = await t.core.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'signed-in').where('at', '=', now.toISOString()).execute();
    expect(signIns).toHaveLength(1);
    expect((await browser.get('/tickets')).statusCode).toBe(200);
  });

  it('signs in once with a recovery code and then tells how many are left', async () => {
    const customer = await customerWithPassword(t);
    const browser = new PortalBrowser(app);
    await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    const { codes } = await setUpTotp(browser);
    await browser.post('/sign-out', {});
    await signInToCodePage(browser, customer.username);
    const used = await browser.post('/two-step', { code: (codes[0] ?? '').toLowerCase() });
    expect(used.headers.location).toBe('/account/two-step?notice=recovery-used');
    const afterRecovery = (await browser.get('/account/two-step?notice=recovery-used')).body;
    expect(afterRecovery).toContain('9 recovery codes are left');
    // Said once: the page's own count stays away while the notice says it.
    expect(afterRecovery).not.toContain('Recovery codes left:');
    await browser.post('/sign-out', {});
    await signInToCodePage(browser, customer.username);
    expect((await browser.post('/two-step', { code: codes[0] ?? '' })).statusCode).toBe(400);
  });

  it('turns two-step off only with the password: a wrong one is shown next to its field and not kept', async () => {
    const customer = await customerWithPassword(t);
    const browser = new PortalBrowser(app);
    await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    await setUpTotp(browser);
    const wrong = await browser.post('/account/two-step/disable', { password: 'Not-My-Password-3' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('aria-invalid="true" aria-describedby="disable-password-error"');
    expect(wrong.body).toContain('<p class="field-error" id="disable-password-error" role="alert">The password is not correct.</p>');
    expect(wrong.body).not.toContain('Not-My-Password-3');
    const off = await browser.post('/account/two-step/disable', { password: CUSTOMER_PASSWORD });
    expect(off.headers.location).toBe('/account/two-step?notice=off');
    expect((await browser.get('/account/two-step?notice=off')).body).toContain('Two-step login is off.');
    await browser.post('/sign-out', {});
    expect((await browser.signIn(customer.username, CUSTOMER_PASSWORD)).headers.location).toBe('/tickets');
  });

  it('refuses a code posted without the CSRF token and counts nothing', async () => {
    const customer = await customerWithPassword(t);
    const browser = new PortalBrowser(app);
    await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    await setUpTotp(browser);
    await browser.post('/sign-out', {});
    await signInToCodePage(browser, customer.username);
    const before = await databaseFingerprint(t.core);
    expect((await browser.post('/two-step', { code: '123456', _csrf: '' })).statusCode).toBe(403);
    expect(await databaseFingerprint(t.core)).toBe(before);
  });
});

describe('SMS codes in the portal', () => {
  it('sends the set-up and sign-in codes through the gateway (retried after a 500) and signs in with them', async () => {
    const customer = await customerWithPassword(t);
    await giveMobile(t, customer, '06-12 34 56 78'.replace(/^0/, '+31 '));
    gateway = await startSmsGateway();
    await t.call('sms-gateway:update', { url: gateway.url, headerName: 'X-Api-Key', secret: 'gw-key-93', bodyTemplate: '{"to": "{{to}}", "text": "{{text}}"}' });
    const worker = new OutboxWorker({ deps: t.core.deps, dataDir: t.core.dataDir, random: () => 0.5 });
    const lastCode = () => /(\d{6})/.exec(JSON.parse(gateway?.requests.at(-1)?.body ?? '{}').text as string)?.[1] ?? '';

    const browser = new PortalBrowser(app);
    await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    const choice = await browser.get('/account/two-step');
    expect(choice.body).toContain('We send a code to your mobile number ending in ••••••••••78 each time you sign in.');
    expect((await browser.post('/account/two-step/sms', {})).headers.location).toBe('/account/two-step');
    expect((await worker.runOnce()).sms.sent).toBe(1);
    expect(gateway.requests[0]?.headers['x-api-key']).toBe('gw-key-93');
    expect(JSON.parse(gateway.requests[0]?.body ?? '{}').to).toBe('+31612345678');
    const setup = await browser.post('/account/two-step/confirm', { method: 'sms', code: lastCode() });
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toContain('Your recovery codes');
    await browser.post('/sign-out', {});

    gateway.answers.push(500);
    const signIn = await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    expect(signIn.headers.location).toBe('/two-step');
    expect((await browser.get('/two-step')).body).toContain('ending in ••••••••••78');
    expect((await worker.runOnce()).sms).toMatchObject({ retried: 1, sent: 0 });
    const queued = await t.core.deps.db.selectFrom('outbox_mail').select('next_attempt_at').where('channel', '=', 'sms').where('status', '=', 'queued').executeTakeFirstOrThrow();
    now = new Date(Date.parse(queued.next_attempt_at) + 1);
    expect((await worker.runOnce()).sms).toMatchObject({ sent: 1 });
    const ok = await browser.post('/two-step', { code: lastCode() });
    expect(ok.headers.location).toBe('/tickets');
    expect((await browser.get('/tickets')).statusCode).toBe(200);
  });
});

describe('role groups that require two-step login', () => {
  it('send a member without a method to the set-up before any other page, sign-out excepted', async () => {
    const customer = await customerWithPassword(t);
    const group = await t.call('role-groups:get', { id: customer.roleGroupId });
    await t.call('role-groups:update', { id: group.id, name: group.name, description: group.description, permissions: group.permissions, requiresTwoStep: true });
    const browser = new PortalBrowser(app);
    expect((await browser.signIn(customer.username, CUSTOMER_PASSWORD)).headers.location).toBe('/tickets');
    expect((await browser.get('/tickets')).headers.location).toBe('/account/two-step');
    expect((await browser.get('/')).headers.location).toBe('/account/two-step');
    expect((await browser.get('/account')).headers.location).toBe('/account/two-step');
    const setup = await browser.get('/account/two-step');
    expect(setup.statusCode).toBe(200);
    expect(setup.body).toContain('Your organisation requires two-step login. Please set it up to continue.');
    expect((await browser.post('/sign-out', {})).headers.location).toBe('/sign-in?notice=signed-out');

    await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    await setUpTotp(browser);
    expect((await browser.get('/tickets')).statusCode).toBe(200);
  });
});
