import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildPortalServer } from '../../electron/portal/portal-server';
import type { TestCore } from './core';

/** The portal on a test core, answering through fastify's inject (no socket). */
export function testPortal(t: TestCore, options: { publicUrl?: string; trustProxy?: boolean } = {}): Promise<FastifyInstance> {
  return buildPortalServer({ core: t.core, resourcesDir: path.resolve('resources'), ...options });
}

/**
 * A browser for the portal: keeps the cookies it is given (as a browser would, by name) and
 * reads each page's CSRF token from its forms.
 */
export class PortalBrowser {
  readonly cookies = new Map<string, string>();
  lastToken = '';
  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress = '203.0.113.9',
  ) {}

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() <= Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.lastToken = token;
    return response;
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { ...this.cookieHeader(), ...headers }, remoteAddress: this.remoteAddress }));
  }

  /** Posts a form with the last page's CSRF token (unless the fields give their own _csrf). */
  async post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams({ _csrf: this.lastToken, ...fields }).toString();
    return this.remember(
      await this.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader(), ...headers }, remoteAddress: this.remoteAddress }),
    );
  }

  /** Signs in through the sign-in page's form. */
  async signIn(username: string, password: string): Promise<LightMyRequestResponse> {
    await this.get('/sign-in');
    return this.post('/sign-in', { username, password });
  }
}
