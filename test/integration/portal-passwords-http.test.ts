import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORGOT_PASSWORD_FLOOR_MS } from '../../electron/core/portal-passwords/portal-forgot-password';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, customerWithPassword } from '../support/portal';
import { alertText, everythingIn, lastMailedToken, setPasswordLink } from '../support/portal-links';
import { PortalBrowser, testPortal } from '../support/portal-http';

let t: TestCore;
let app: FastifyInstance;
const NEW_PASSWORD = 'Lantern-Orbit-42';

beforeEach(async () => {
  t = await startTestCore();
  app = await testPortal(t);
});
afterEach(async () => {
  await app.close();
  await t.close();
});

const mailsOf = async (kind: string) => t.core.deps.db.selectFrom('outbox_mail').select(['account_id', 'to_address']).where('kind', '=', kind).execute();
/** A new browser from its own address (the per-address rate limits of the portal stay out of the way). */
let nextAddress = 10;
const freshBrowser = () => new PortalBrowser(app, `198.51.100.${nextAddress++}`);

/** Posts a raw form body (with the browser's cookies and CSRF token), as a hand-made or hostile client would. */
function postRaw(browser: PortalBrowser, url: string, body: string): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    payload: `_csrf=${encodeURIComponent(browser.lastToken)}${body ? `&${body}` : ''}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    remoteAddress: '198.51.100.250',
  });
}

describe('the set-password page', () => {
  it('takes the token out of the address, sets the password once, ends the account’s sessions, and keeps the token out of every later response', async () => {
    const customer = await customerWithPassword(t);
    const signedIn = freshBrowser();
    await signedIn.signIn(customer.username, CUSTOMER_PASSWORD);
    const token = await setPasswordLink(t, customer.accountId);
    const browser = freshBrowser();
    const first = await browser.get(`/set-password?token=${token}`);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/set-password');
    const page = await browser.get('/set-password');
    expect(page.body).toContain('Choose a new password for the account erik@example.com.');
    expect(page.body).not.toContain('name="code"');
    const mismatch = await browser.post('/set-password', { password: NEW_PASSWORD, password2: 'Lantern-Orbit-43' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('The two passwords are not the same.');
    const done = await browser.post('/set-password', { password: NEW_PASSWORD, password2: NEW_PASSWORD });
    expect(done.body).toContain('The new password of erik@example.com is saved.');
    const again = await browser.post('/set-password', { password: NEW_PASSWORD, password2: NEW_PASSWORD });
    expect(alertText(again)).toBe('This link is invalid or has expired.');
    expect((await signedIn.get('/tickets')).headers.location).toBe('/sign-in?notice=expired');
    const signIn = await freshBrowser().signIn(customer.username, NEW_PASSWORD);
    expect(signIn.headers.location).toBe('/tickets');
    for (const response of [first, page, mismatch, done, again, signIn]) expect(everythingIn(response)).not.toContain(token);
  });

  it('answers an unknown, used, replaced or activation link alike', async () => {
    const customer = await customerWithPassword(t);
    const replaced = await setPasswordLink(t, customer.accountId);
    await setPasswordLink(t, customer.accountId);
    const answers = [];
    for (const token of ['y'.repeat(43), replaced]) {
      const browser = freshBrowser();
      const first = await browser.get(`/set-password?token=${token}`);
      expect(first.headers.location).toBe('/set-password?link=invalid');
      answers.push(await browser.get(String(first.headers.location)));
    }
    expect(answers.map(alertText)).toEqual(['This link is invalid or has expired.', 'This link is invalid or has expired.']);
    expect(answers[0]?.body).toContain('<a href="/forgot-password">Ask for a new link</a>');
    const withoutLink = await freshBrowser().get('/set-password');
    expect(withoutLink.body).toContain('open the link in the mail we sent you, or ask for a new link');
  });
});

describe('forgot password', () => {
  /** The answer page with the typed address taken out: what must be equal for every address. */
  const shape = (response: LightMyRequestResponse, username: string) => ({
    status: response.statusCode,
    body: response.body.replaceAll(username, '(address)').replace(/name="_csrf" value="[^"]+"/g, ''),
  });

  it('answers every address alike, and mails a link only to an active account that has a password', async () => {
    const customer = await customerWithPassword(t);
    const off = await customerWithPassword(t, 'off@example.com', 'Uit BV');
    await t.call('portal-accounts:set-active', { id: off.accountId, active: false });
    const groups = await t.call('role-groups:list', {});
    await t.call('portal-accounts:create', { username: 'never@example.com', links: [{ organisationId: off.organisationId, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] });
    const ask = async (username: string) => {
      const browser = freshBrowser();
      const form = await browser.get('/forgot-password');
      expect(form.body).toContain('<label for="username">Email address</label>');
      return shape(await browser.post('/forgot-password', { username }), username);
    };
    const known = await ask(customer.username);
    expect(known.status).toBe(200);
    expect(known.body).toContain('If there is an account for (address), we have sent a link');
    for (const username of ['nobody@example.com', 'off@example.com', 'never@example.com']) expect(await ask(username)).toEqual(known);
    expect(await mailsOf('set-password')).toEqual([{ account_id: customer.accountId, to_address: customer.username }]);

    // The mailed link opens the set-password page.
    const browser = freshBrowser();
    await browser.get(`/set-password?token=${await lastMailedToken(t, customer.accountId)}`);
    expect((await browser.get('/set-password')).body).toContain('Choose a new password for the account erik@example.com.');
  });

  it('takes as long for an unknown address as for a known one (medians within 40 ms), no less than the floor', async () => {
    const known: string[] = [];
    for (let i = 0; i < 8; i++) known.push((await customerWithPassword(t, `known${i}@example.com`, `Firma ${i} BV`)).username);
    const timed = async (username: string) => {
      const browser = freshBrowser();
      await browser.get('/forgot-password');
      const started = performance.now();
      const response = await browser.post('/forgot-password', { username });
      expect(response.statusCode).toBe(200);
      return performance.now() - started;
    };
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (const [i, username] of known.entries()) {
      knownTimes.push(await timed(username));
      unknownTimes.push(await timed(`unknown${i}@example.com`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    expect(await mailsOf('set-password')).toHaveLength(8);
    expect(median(knownTimes)).toBeGreaterThanOrEqual(FORGOT_PASSWORD_FLOOR_MS);
    expect(median(unknownTimes)).toBeGreaterThanOrEqual(FORGOT_PASSWORD_FLOOR_MS);
    expect(Math.abs(median(knownTimes) - median(unknownTimes))).toBeLessThan(40);
  });

  it('limits each client address to 10 requests a minute', async () => {
    const browser = freshBrowser();
    await browser.get('/forgot-password');
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await browser.post('/forgot-password', { username: `nobody${i}@example.com` })).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
  });
});

describe('changing the password', () => {
  it('checks the current password, then ends every other session and keeps this browser signed in under a new session', async () => {
    const customer = await customerWithPassword(t);
    const here = freshBrowser();
    const elsewhere = freshBrowser();
    await here.signIn(customer.username, CUSTOMER_PASSWORD);
    await elsewhere.signIn(customer.username, CUSTOMER_PASSWORD);
    const form = await here.get('/account/password');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<label for="current-password">Current password</label>');
    expect(form.body).toContain('<script src="/assets/password-feedback.js" defer></script>');
    const wrong = await here.post('/account/password', { currentPassword: 'Not-My-Password-1', password: NEW_PASSWORD, password2: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<p class="field-error" id="current-password-error">The current password is not correct.</p>');
    const old = here.cookies.get('portier-session');
    const changed = await here.post('/account/password', { currentPassword: CUSTOMER_PASSWORD, password: NEW_PASSWORD, password2: NEW_PASSWORD });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/account/password?notice=changed');
    expect(here.cookies.get('portier-session')).not.toBe(old);
    const after = await here.get(String(changed.headers.location));
    expect(after.body).toContain('Your password has been changed.');
    expect((await here.get('/tickets')).statusCode).toBe(200);
    expect((await elsewhere.get('/tickets')).headers.location).toBe('/sign-in?notice=expired');
    expect((await mailsOf('password-changed')).map((m) => m.account_id)).toEqual([customer.accountId, customer.accountId]);
  });

  it('sends a customer who must change their password to the change page from every other page, until they have', async () => {
    const customer = await customerWithPassword(t);
    await t.core.deps.db.updateTable('portal_account').set({ must_change_password: 1 }).where('id', '=', customer.accountId).execute();
    const browser = freshBrowser();
    const signIn = await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    expect((await browser.get(String(signIn.headers.location))).headers.location).toBe('/account/password');
    for (const url of ['/tickets', '/', '/no-such-page', '/forgot-password']) expect((await browser.get(url)).headers.location, url).toBe('/account/password');
    expect((await browser.get('/assets/portal.css')).statusCode).toBe(200);
    const page = await browser.get('/account/password');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Please choose a new password of your own before you continue.');
    await browser.post('/account/password', { currentPassword: CUSTOMER_PASSWORD, password: NEW_PASSWORD, password2: NEW_PASSWORD });
    expect((await browser.get('/tickets')).statusCode).toBe(200);
    expect((await t.core.deps.db.selectFrom('portal_account').select('must_change_password').where('id', '=', customer.accountId).executeTakeFirstOrThrow()).must_change_password).toBe(0);

    // Signing out stays possible while the change is due.
    await t.core.deps.db.updateTable('portal_account').set({ must_change_password: 1 }).where('id', '=', customer.accountId).execute();
    await browser.get('/account/password');
    const out = await browser.post('/sign-out', {});
    expect(out.headers.location).toBe('/sign-in?notice=signed-out');
  });
});

describe('the password forms refuse', () => {
  it('posts without their CSRF token, changing nothing', async () => {
    const customer = await customerWithPassword(t);
    const browser = freshBrowser();
    await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    await browser.get('/account/password');
    const before = await databaseFingerprint(t.core);
    const forms: [string, Record<string, string>][] = [
      ['/forgot-password', { username: customer.username }],
      ['/account/password', { currentPassword: CUSTOMER_PASSWORD, password: NEW_PASSWORD, password2: NEW_PASSWORD }],
      ['/set-password', { password: NEW_PASSWORD, password2: NEW_PASSWORD }],
      ['/activate', { code: 'ACDE-FGHJ-KMNP', password: NEW_PASSWORD, password2: NEW_PASSWORD }],
    ];
    for (const [url, fields] of forms) expect((await browser.post(url, { ...fields, _csrf: '' })).statusCode, url).toBe(403);
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('fuzzed input (arrays, 100 KB, control characters, missing fields) with a 400 and no change to the database', async () => {
    const customer = await customerWithPassword(t);
    const browser = freshBrowser();
    await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    await browser.get('/account/password');
    const big = 'A'.repeat(100_000);
    const nul = encodeURIComponent('erik@example.com\u0000');
    const cases: [string, string][] = [
      ['/forgot-password', `username=${customer.username}&username=${customer.username}`],
      ['/forgot-password', `username=${big}`],
      ['/forgot-password', `username=${nul}`],
      ['/forgot-password', ''],
      ['/account/password', `currentPassword=${CUSTOMER_PASSWORD}&currentPassword=x&password=${NEW_PASSWORD}&password2=${NEW_PASSWORD}`],
      ['/account/password', `currentPassword=${big}&password=${NEW_PASSWORD}&password2=${NEW_PASSWORD}`],
      ['/account/password', `currentPassword=${encodeURIComponent('x\u0001')}&password=${NEW_PASSWORD}&password2=${NEW_PASSWORD}`],
      ['/account/password', `currentPassword=${CUSTOMER_PASSWORD}&password=${big}&password2=${big}`],
      ['/account/password', `currentPassword=${CUSTOMER_PASSWORD}&password=${encodeURIComponent('Lantern\u001bOrbit-42')}&password2=${encodeURIComponent('Lantern\u001bOrbit-42')}`],
      ['/account/password', `currentPassword=${CUSTOMER_PASSWORD}&password=${NEW_PASSWORD}`],
      ['/account/password', ''],
    ];
    const before = await databaseFingerprint(t.core);
    for (const [url, body] of cases) {
      const response = await postRaw(browser, url, body);
      expect(response.statusCode, `${url} ${body.slice(0, 60)}`).toBe(400);
      expect(response.body).not.toContain(big);
    }
    expect(await databaseFingerprint(t.core)).toBe(before);
  });
});
