import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseCode } from '../../electron/core/activation/account-secrets';
import type { IssuedActivation } from '../../electron/core/activation/activation-service';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';
import { alertText, everythingIn, invitation } from '../support/portal-links';
import { PortalBrowser, testPortal } from '../support/portal-http';

let t: TestCore;
let app: FastifyInstance;
let now: Date;
let accountId: number;
let organisationId: number;
const PASSWORD = 'Lantern-Orbit-42';
const INVALID = 'This link or code is invalid or has expired.';

beforeEach(async () => {
  now = new Date('2026-11-01T10:00:00.000Z');
  t = await startTestCore({ clock: () => now });
  const organisation = await t.call('organisations:create', { name: 'Brouwerij De Ster' });
  organisationId = organisation.id;
  const group = await t.call('role-groups:create', { name: 'Readers', permissions: ['tickets.read'] });
  ({ id: accountId } = await t.call('portal-accounts:create', { username: 'anna@example.com', links: [{ organisationId: organisation.id, isDefault: true }], roleGroupIds: [group.id] }));
  app = await testPortal(t);
});
afterEach(async () => {
  await app.close();
  await t.close();
});

const welcomeMails = async () => (await t.core.deps.db.selectFrom('outbox_mail').select('id').where('kind', '=', 'welcome').execute()).length;
const account = () => t.core.deps.db.selectFrom('portal_account').selectAll().where('id', '=', accountId).executeTakeFirstOrThrow();
const wrongCode = (i: IssuedActivation) => (normaliseCode(i.code) === 'ACDEFGHJKMNP' ? 'PNMKJHGFEDCA' : 'ACDEFGHJKMNP');

/** A browser that opened the activation mail's link (and followed the redirect to the clean page). */
async function opened(i: IssuedActivation, browser = new PortalBrowser(app)): Promise<{ browser: PortalBrowser; first: LightMyRequestResponse; page: LightMyRequestResponse }> {
  const first = await browser.get(`/activate?token=${encodeURIComponent(i.token)}`);
  const page = await browser.get(String(first.headers.location ?? ''));
  return { browser, first, page };
}
const submit = (browser: PortalBrowser, code: string, password = PASSWORD, repeat = password) => browser.post('/activate', { code, password, password2: repeat });

describe('the activation page', () => {
  it('takes the token out of the address at once, then activates with the letter’s code and a new password; the token is in no later response', async () => {
    const i = await invitation(t, accountId);
    const { browser, first, page } = await opened(i);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/activate');
    const stateCookie = first.cookies.find((c) => c.name === 'portier-link');
    expect(stateCookie).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 900 });
    expect(stateCookie?.value).toMatch(/^[\w-]{43}$/);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('To activate the account anna@example.com, type the activation code');
    expect(page.body).toContain('<label for="code">Activation code (from the letter)</label>');
    expect(page.body).toContain('<script src="/assets/password-feedback.js" defer></script>');
    expect(page.body).toContain('data-password-feedback="{&quot;policy&quot;:{&quot;minLength&quot;:8');
    expect(page.body).toContain('At least 8 characters');

    // Typed the way people type codes from paper.
    const done = await submit(browser, normaliseCode(i.code).toLowerCase().replace(/(.{4})/g, '$1 '));
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('The account anna@example.com is active.');
    expect(done.body).toContain('<a href="/sign-in">Go to sign-in</a>');
    expect(browser.cookies.has('portier-link')).toBe(false);
    expect((await account()).activated_at).toBe(now.toISOString());
    expect(await welcomeMails()).toBe(1);

    // The form sent again (back button, double click): the same refusal, no second welcome mail.
    const again = await browser.post('/activate', { code: i.code, password: PASSWORD, password2: PASSWORD });
    expect(alertText(again)).toBe(INVALID);
    expect(await welcomeMails()).toBe(1);

    const signIn = await new PortalBrowser(app).signIn('anna@example.com', PASSWORD);
    expect(signIn.headers.location).toBe('/tickets');

    const responses = [first, page, done, again, signIn];
    for (const response of responses) expect(everythingIn(response)).not.toContain(i.token);
    expect(everythingIn(first)).not.toContain(encodeURIComponent(i.token));
  });

  it('answers an unknown, used, replaced and expired link, and a wrong code, with the same message', async () => {
    const used = await invitation(t, accountId);
    const usedBrowser = (await opened(used)).browser;
    await submit(usedBrowser, used.code);
    const groups = await t.call('role-groups:list', {});
    const other = await t.call('portal-accounts:create', { username: 'bert@example.com', links: [{ organisationId, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] });
    const replaced = await invitation(t, other.id);
    const current = await invitation(t, other.id);

    const answers: LightMyRequestResponse[] = [];
    for (const token of ['x'.repeat(43), used.token, replaced.token]) {
      const browser = new PortalBrowser(app);
      const first = await browser.get(`/activate?token=${token}`);
      expect(first.headers.location).toBe('/activate?link=invalid');
      expect(first.cookies.find((c) => c.name === 'portier-link')?.value ?? '').toBe('');
      answers.push(await browser.get(String(first.headers.location)));
    }
    const { browser } = await opened(current);
    answers.push(await submit(browser, wrongCode(current)));
    now = new Date(Date.parse(current.expiresAt) + 1000);
    const expired = new PortalBrowser(app);
    answers.push(await expired.get(String((await expired.get(`/activate?token=${current.token}`)).headers.location)));
    expect(answers.map((a) => a.statusCode)).toEqual([400, 400, 400, 400, 400]);
    expect(answers.map(alertText)).toEqual(Array(5).fill(INVALID));
  });

  it('voids the link at the 5th wrong code: every try answers alike, the right code then too, and the account stays without a password', async () => {
    const i = await invitation(t, accountId);
    const { browser } = await opened(i);
    const answers = [];
    for (let n = 0; n < 5; n++) answers.push(await submit(browser, wrongCode(i)));
    expect(answers.every((a) => a.statusCode === 400 && alertText(a) === INVALID)).toBe(true);
    // What was typed stays in the code field, the password never.
    expect(answers[0]?.body).toContain(`value="${wrongCode(i)}"`);
    expect(answers[0]?.body).not.toContain(PASSWORD);
    const right = await submit(browser, i.code);
    expect(alertText(right)).toBe(INVALID);
    const token = await t.core.deps.db.selectFrom('portal_account_token').select(['failed_attempts', 'voided_at', 'used_at']).where('id', '=', i.tokenId).executeTakeFirstOrThrow();
    expect(token).toEqual({ failed_attempts: 5, voided_at: now.toISOString(), used_at: null });
    expect((await account()).password_hash).toBeNull();
    expect(await welcomeMails()).toBe(0);
  });

  it('shows the policy’s failures next to the password, from the server, without using up an attempt', async () => {
    const i = await invitation(t, accountId);
    const { browser } = await opened(i);
    const weak = await submit(browser, wrongCode(i), 'anna-example');
    expect(weak.statusCode).toBe(400);
    expect(alertText(weak)).toBe('Please check the highlighted fields.');
    expect(weak.body).toContain('<p class="field-error" id="password-error">This password does not meet every rule below.</p>');
    expect(weak.body).toMatch(/aria-describedby="password-rules password-error" aria-invalid="true"/);
    expect(weak.body).toMatch(/<li class="rule rule--unmet" data-rule="needs_upper">.*An upper-case letter/);
    expect(weak.body).toMatch(/<li class="rule rule--unmet" data-rule="contains_context">/);
    expect(weak.body).toMatch(/<li class="rule rule--met" data-rule="too_short">/);
    const mismatch = await submit(browser, i.code, PASSWORD, `${PASSWORD}!`);
    expect(mismatch.body).toContain('<p class="field-error" id="password2-error">The two passwords are not the same.</p>');
    const shape = await submit(browser, 'ABCD-EFGH-IJKL');
    expect(shape.body).toContain('<p class="field-error" id="code-error">An activation code has 12 letters and digits, as printed in the letter.</p>');
    expect((await t.core.deps.db.selectFrom('portal_account_token').select('failed_attempts').where('id', '=', i.tokenId).executeTakeFirstOrThrow()).failed_attempts).toBe(0);
    expect((await submit(browser, i.code)).body).toContain('is active');
  });

  it('tells a customer who came without the link (the letter’s QR code) to use the mail, in the portal’s language', async () => {
    const english = await new PortalBrowser(app).get('/activate');
    expect(english.statusCode).toBe(200);
    expect(english.body).toContain('To activate your account, open the link in the activation mail we sent you.');
    await t.call('settings:update', { defaultLanguage: 'de' });
    // A fresh portal: a running one reads the settings it shows on every page at most every 30 seconds.
    const fresh = await testPortal(t);
    try {
      const german = await new PortalBrowser(fresh).get('/activate');
      expect(german.body).toContain('<html lang="de">');
      expect(german.body).toContain('öffnen Sie den Link in der Aktivierungsmail');
    } finally {
      await fresh.close();
    }
  });

  it('speaks the language of the account’s mail, whatever the portal’s default', async () => {
    const groups = await t.call('role-groups:list', {});
    const dutch = await t.call('portal-accounts:create', { username: 'nina@example.com', language: 'nl', links: [{ organisationId, isDefault: true }], roleGroupIds: [groups[0]?.id ?? 0] });
    const i = await invitation(t, dutch.id);
    const { browser, page } = await opened(i);
    expect(page.body).toContain('<html lang="nl">');
    expect(page.body).toContain('Om het account nina@example.com te activeren');
    const weak = await submit(browser, i.code, 'kort');
    expect(weak.body).toContain('Dit wachtwoord voldoet niet aan alle regels hieronder.');
    const done = await submit(browser, i.code);
    expect(done.body).toContain('Het account nina@example.com is actief.');
  });

  it('forgets the opened link after 15 minutes: the page and the form then answer as for a dead link', async () => {
    const i = await invitation(t, accountId);
    const { browser } = await opened(i);
    now = new Date(now.getTime() + 15 * 60_000);
    const page = await browser.get('/activate');
    expect(alertText(page)).toBe(INVALID);
    expect(browser.cookies.has('portier-link')).toBe(false);
    const { browser: late } = await opened(i, new PortalBrowser(app));
    now = new Date(now.getTime() + 15 * 60_000);
    const before = await databaseFingerprint(t.core);
    const post = await submit(late, i.code);
    expect(post.statusCode).toBe(400);
    expect(alertText(post)).toBe(INVALID);
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('refuses the form without its CSRF token, and changes nothing', async () => {
    const i = await invitation(t, accountId);
    const { browser } = await opened(i);
    const before = await databaseFingerprint(t.core);
    const refused = await browser.post('/activate', { code: i.code, password: PASSWORD, password2: PASSWORD, _csrf: '' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('This form has expired');
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('refuses fuzzed forms (arrays, 100 KB, control characters, missing fields) with a 400 and no change to the database', async () => {
    const i = await invitation(t, accountId);
    const { browser } = await opened(i);
    const big = 'A'.repeat(100_000);
    const bodies: string[] = [
      `code=${i.code}&code=${i.code}&password=${PASSWORD}&password2=${PASSWORD}`,
      `code=${i.code}&password=${PASSWORD}&password=${PASSWORD}&password2=${PASSWORD}`,
      `code=${big}&password=${PASSWORD}&password2=${PASSWORD}`,
      `code=${i.code}&password=${big}&password2=${big}`,
      `code=${encodeURIComponent(`${i.code}\u0000`)}&password=${PASSWORD}&password2=${PASSWORD}`,
      `code=${i.code}&password=${encodeURIComponent(`${PASSWORD}\u0007`)}&password2=${encodeURIComponent(`${PASSWORD}\u0007`)}`,
      `code=${i.code}&password=${PASSWORD}`,
      `code=${i.code}`,
      '',
      `code[]=${i.code}&password[x]=${PASSWORD}&password2=${PASSWORD}`,
    ];
    const before = await databaseFingerprint(t.core);
    for (const body of bodies) {
      const response = await app.inject({
        method: 'POST',
        url: '/activate',
        payload: `_csrf=${encodeURIComponent(browser.lastToken)}${body ? `&${body}` : ''}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        remoteAddress: '203.0.113.9',
      });
      expect(response.statusCode, body.slice(0, 80)).toBe(400);
      expect(response.body).not.toContain(big);
    }
    expect(await databaseFingerprint(t.core)).toBe(before);
    // The link still works afterwards.
    expect((await submit(browser, i.code)).body).toContain('is active');
  });

  it('behind TLS the state cookie is __Host- prefixed and Secure; the live-feedback script is served as JavaScript', async () => {
    const i = await invitation(t, accountId);
    const tls = await testPortal(t, { publicUrl: 'https://portal.example.com' });
    try {
      const first = await new PortalBrowser(tls).get(`/activate?token=${i.token}`);
      expect(first.cookies.find((c) => c.name === '__Host-portier-link')).toMatchObject({ path: '/', httpOnly: true, secure: true, sameSite: 'Lax' });
    } finally {
      await tls.close();
    }
    const script = await app.inject({ method: 'GET', url: '/assets/password-feedback.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('data-password-feedback');
    expect(script.body).toContain('needs_upper');
  });
});
