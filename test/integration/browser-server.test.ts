import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { startBrowserServer, type BrowserServer } from '../../electron/server/browser-server';
import { INVOKE_PATH, KEY_HEADER, SESSION_HEADER } from '../../shared/bridge';
import { ADMIN, databaseFingerprint, tempDataDir } from '../support/core';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let data: ReturnType<typeof tempDataDir>;
let core: PortierCore;
let server: BrowserServer;
const SECRET_OUTSIDE = 'this file lies outside the renderer folder';

/** Raw HTTP, so that Host headers and un-normalised paths reach the server as written. */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function invoke(channel: string, input: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return request({
    method: 'POST',
    path: INVOKE_PATH,
    headers: { 'content-type': 'application/json', [KEY_HEADER]: server.secret, ...headers },
    body: JSON.stringify({ channel, input }),
  });
}

const json = (answer: Answer) => JSON.parse(answer.body) as { ok: boolean; value?: unknown; error?: { code: string } };

beforeAll(async () => {
  data = tempDataDir('portier-browser-server-');
  const rendererDir = path.join(data.dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Portier</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(data.dir, 'secret.txt'), SECRET_OUTSIDE);
  fs.symlinkSync(path.join(data.dir, 'secret.txt'), path.join(rendererDir, 'link.txt'));
  core = await openPortierCore({ dataDir: path.join(data.dir, 'data') });
  server = await startBrowserServer({ core, rendererDir, port: 0 });
});

afterAll(async () => {
  await server.close();
  await core.close();
  data.remove();
});

describe('browser server: the key', () => {
  it('refuses a call without the key with 401 and changes nothing', async () => {
    const before = await databaseFingerprint(core);
    const answer = await request({
      method: 'POST',
      path: INVOKE_PATH,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'setup:create-administrator', input: ADMIN }),
    });
    expect(answer.status).toBe(401);
    expect(json(answer)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await databaseFingerprint(core)).toBe(before);
    expect(await core.call(newSessionSlot(), 'setup:status', {})).toMatchObject({ needsAdministrator: true });
  });

  it('refuses a wrong key, of the same length or not, and a key on any other /api path', async () => {
    const sameLength = server.secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const key of [sameLength, 'short', '']) {
      expect((await invoke('setup:status', {}, { [KEY_HEADER]: key })).status).toBe(401);
    }
    expect((await request({ path: '/api/other' })).status).toBe(401);
  });

  it('answers a valid call with its Result, and static files without a key', async () => {
    const answer = await invoke('setup:status', {});
    expect(answer.status).toBe(200);
    expect(json(answer)).toEqual({ ok: true, value: { needsAdministrator: true, defaultLanguage: 'en' } });
    expect(answer.headers['cache-control']).toBe('no-store');
    expect((await request({ path: '/' })).status).toBe(200);
  });

  it('prints an address with the key in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#key=${server.secret}`);
    expect(server.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('browser server: transport checks', () => {
  it('refuses a foreign Host header (DNS rebinding) and accepts localhost', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      const api = await invoke('setup:status', {}, { host });
      expect(api.status).toBe(421);
      expect(json(api)).toMatchObject({ ok: false });
      expect((await request({ path: '/', headers: { host } })).status).toBe(421);
    }
    expect((await invoke('setup:status', {}, { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a request from another origin', async () => {
    expect((await invoke('setup:status', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await invoke('setup:status', {}, { origin: server.origin })).status).toBe(200);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const big = JSON.stringify({ channel: 'setup:status', input: { pad: 'x'.repeat(1024 * 1024 + 10) } });
    const answer = await request({ method: 'POST', path: INVOKE_PATH, headers: { 'content-type': 'application/json', [KEY_HEADER]: server.secret }, body: big });
    expect(answer.status).toBe(413);
    expect(json(answer)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses bodies that are not JSON calls with 400 VALIDATION', async () => {
    for (const body of ['{not json', '[]', '"setup:status"', '{"channel": 7}']) {
      const answer = await request({ method: 'POST', path: INVOKE_PATH, headers: { 'content-type': 'application/json', [KEY_HEADER]: server.secret }, body });
      expect(answer.status, body).toBe(400);
      expect(json(answer)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    const form = await request({ method: 'POST', path: INVOKE_PATH, headers: { 'content-type': 'text/plain', [KEY_HEADER]: server.secret }, body: '{}' });
    expect(form.status).toBe(400);
    expect((await request({ path: INVOKE_PATH, headers: { [KEY_HEADER]: server.secret } })).status).toBe(405);
  });

  it('lets the core refuse an unknown channel as data', async () => {
    expect(json(await invoke('nope:never', {}))).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('listens on 127.0.0.1 only', async () => {
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i !== undefined && !i.internal)
      .map((i) => i!.address);
    for (const address of ['::1', ...others]) {
      const connected = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      expect(connected, address).toBe(false);
    }
  });
});

describe('browser server: sessions', () => {
  it('keeps one sign-in per tab, under an id the server issues at sign-in', async () => {
    const created = await invoke('setup:create-administrator', { ...ADMIN });
    expect(json(created)).toMatchObject({ ok: true });
    const issued = created.headers[SESSION_HEADER];
    expect(typeof issued === 'string' && issued.length >= 43).toBe(true);
    const tabA = { [SESSION_HEADER]: String(issued) };
    const current = await invoke('session:current', {}, tabA);
    expect(json(current)).toMatchObject({ ok: true, value: { email: ADMIN.email } });
    expect(current.headers[SESSION_HEADER]).toBe(issued);
    // No header: a throw-away session, never the sign-in of another tab.
    expect(json(await invoke('session:current', {}))).toEqual({ ok: true, value: null });
    expect(json(await invoke('staff:list', {}))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const signIn = await invoke('session:sign-in', { email: ADMIN.email, password: ADMIN.password });
    const tabB = { [SESSION_HEADER]: String(signIn.headers[SESSION_HEADER]) };
    expect(tabB[SESSION_HEADER]).not.toBe(issued);
    const signOut = await invoke('session:sign-out', {}, tabB);
    expect(signOut.headers[SESSION_HEADER]).toBe('');
    // The signed-out id is forgotten: it is refused like any id the server did not issue.
    expect(json(await invoke('session:current', {}, tabB))).toMatchObject({ ok: false, error: { params: { transport: 'session' } } });
    expect(json(await invoke('staff:list', {}, tabA))).toMatchObject({ ok: true });
  });

  it('refuses a malformed session header', async () => {
    for (const id of ['short', 'has spaces in it here!!', 'x'.repeat(200)]) {
      expect((await invoke('setup:status', {}, { [SESSION_HEADER]: id })).status).toBe(400);
    }
  });
});

describe('browser server: static files', () => {
  it('serves index.html for / with the security headers', async () => {
    const answer = await request({ path: '/' });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<title>Portier</title>');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['x-frame-options']).toBe('DENY');
  });

  it('serves assets with their content type, 404 for missing files', async () => {
    const script = await request({ path: '/assets/app.js?v=1' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request({ path: '/assets/missing.js' })).status).toBe(404);
    expect((await request({ path: '/', method: 'POST' })).status).toBe(405);
  });

  it('refuses every path out of the renderer folder', async () => {
    const attempts = [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e%5c..%5csecret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/secret.txt%00.html',
      '//etc/passwd',
      '/link.txt',
    ];
    for (const attempt of attempts) {
      const answer = await request({ path: attempt });
      expect(answer.status, attempt).toBeGreaterThanOrEqual(400);
      expect(answer.body, attempt).not.toContain(SECRET_OUTSIDE);
      expect(answer.body, attempt).not.toContain('"name"');
    }
  });
});
