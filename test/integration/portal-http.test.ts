import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFingerprint, startTestCore, type TestCore } from '../support/core';
import { CUSTOMER_PASSWORD, customerWithPassword } from '../support/portal';
import { PortalBrowser, testPortal } from '../support/portal-http';

let t: TestCore;
let app: FastifyInstance;

beforeEach(async () => {
  t = await startTestCore();
  app = await testPortal(t);
});
afterEach(async () => {
  await app.close();
  await t.close();
});

describe('the portal over HTTP', () => {
  it('signs a customer in through the form and shows their organisation; signs out', async () => {
    const customer = await customerWithPassword(t);
    const browser = new PortalBrowser(app);
    const signIn = await browser.signIn(customer.username, CUSTOMER_PASSWORD);
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/tickets');
    expect(browser.cookies.has('portier-session')).toBe(true);
    const tickets = await browser.get('/tickets');
    expect(tickets.statusCode).toBe(200);
    expect(tickets.body).toContain('Élan Øresund BV');
    const out = await browser.post('/sign-out', {});
    expect(out.headers.location).toBe('/sign-in?notice=signed-out');
    expect(browser.cookies.has('portier-session')).toBe(false);
    expect((await browser.get('/tickets')).headers.location).toBe('/sign-in?notice=expired');
  });

  it('refuses a form post without the CSRF token, or with another browser\'s, and changes nothing', async () => {
    const customer = await customerWithPassword(t);
    const before = await databaseFingerprint(t.core);
    const browser = new PortalBrowser(app);
    await browser.get('/sign-in');
    const missing = await browser.post('/sign-in', { username: customer.username, password: CUSTOMER_PASSWORD, _csrf: '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('This form has expired');
    const other = new PortalBrowser(app);
    await other.get('/sign-in');
    const crossSite = await browser.post('/sign-in', { username: customer.username, password: CUSTOMER_PASSWORD, _csrf: other.lastToken });
    expect(crossSite.statusCode).toBe(403);
    expect(browser.cookies.has('portier-session')).toBe(false);
    expect(await databaseFingerprint(t.core)).toBe(before);
  });

  it('answers a wrong password and an unknown username with the same page, keeping the username typed', async () => {
    const customer = await customerWithPassword(t);
    const wrong = await new PortalBrowser(app).signIn(customer.username, 'Not-The-Password-1');
    const unknown = await new PortalBrowser(app).signIn('nobody@example.com', 'Not-The-Password-1');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    const message = (body: string) => /role="alert" id="sign-in-error">([^<]+)</.exec(body)?.[1];
    expect(message(wrong.body)).toBe('The email address or password is not correct.');
    expect(message(unknown.body)).toBe(message(wrong.body));
    expect(wrong.body).toContain(`value="${customer.username}"`);
  });

  it('sends the security headers on every page: strict CSP, no framing, nosniff, no referrer, no-store', async () => {
    const customer = await customerWithPassword(t);
    const browser = new PortalBrowser(app);
    const pages = [await browser.get('/sign-in'), await browser.get('/no-such-page'), await browser.signIn(customer.username, CUSTOMER_PASSWORD), await browser.get('/tickets')];
    for (const page of pages) {
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['cache-control']).toBe('no-store');
    }
    expect(pages[1]?.statusCode).toBe(404);
  });

  it('behind TLS the session cookie is __Host- prefixed, Secure, HttpOnly and SameSite=Lax', async () => {
    const customer = await customerWithPassword(t);
    const tls = await testPortal(t, { publicUrl: 'https://portal.example.com' });
    try {
      const browser = new PortalBrowser(tls);
      const response = await browser.signIn(customer.username, CUSTOMER_PASSWORD);
      const cookie = response.cookies.find((c) => c.name === '__Host-portier-session');
      expect(cookie).toMatchObject({ path: '/', httpOnly: true, secure: true, sameSite: 'Lax' });
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await tls.close();
    }
  });
});

describe('behind a reverse proxy', () => {
  it('believes X-Forwarded-For only with trustProxy: the session records the proxy\'s address otherwise', async () => {
    const customer = await customerWithPassword(t);
    const addressOfSession = async () => (await t.core.deps.db.selectFrom('portal_session').select('client_address').orderBy('id', 'desc').executeTakeFirstOrThrow()).client_address;
    const direct = new PortalBrowser(app, '10.0.0.2');
    await direct.get('/sign-in');
    await direct.post('/sign-in', { username: customer.username, password: CUSTOMER_PASSWORD }, { 'x-forwarded-for': '198.51.100.23' });
    expect(await addressOfSession()).toBe('10.0.0.2');

    const proxied = await testPortal(t, { trustProxy: true });
    try {
      const behind = new PortalBrowser(proxied, '10.0.0.2');
      await behind.get('/sign-in');
      await behind.post('/sign-in', { username: customer.username, password: CUSTOMER_PASSWORD }, { 'x-forwarded-for': '198.51.100.23' });
      expect(await addressOfSession()).toBe('198.51.100.23');
    } finally {
      await proxied.close();
    }
  });
});
