import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionSlot } from '../../electron/core/auth/session';
import { FREE_ATTEMPTS } from '../../electron/core/auth/sign-in-throttle';
import { openPortierCore, type PortierCore } from '../../electron/core/portier-core';
import { startBrowserServer, type BrowserServer } from '../../electron/server/browser-server';
import { INVOKE_PATH, KEY_HEADER, SESSION_HEADER, UNATTENDED_HEADER } from '../../shared/bridge';
import { ADMIN, tempDataDir } from '../support/core';

let data: ReturnType<typeof tempDataDir>;
let core: PortierCore;
let server: BrowserServer;
const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });

interface Answer {
  status: number;
  session: string | undefined;
  body: { ok: boolean; value?: unknown; error?: { code: string; params?: Record<string, unknown> } };
}

function invoke(channel: string, input: unknown, session?: string, extra: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', [KEY_HEADER]: server.secret, ...extra };
    if (session !== undefined) headers[SESSION_HEADER] = session;
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: INVOKE_PATH, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const header = res.headers[SESSION_HEADER];
        resolve({ status: res.statusCode ?? 0, session: typeof header === 'string' ? header : undefined, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] });
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify({ channel, input }));
  });
}

/** The core's clock runs this far ahead of the real one (the idle test moves it). */
let ahead = 0;

const BOB = { name: 'Bob', email: 'bob@example.com', password: 'Quiet-Harbour-71', role: 'staff', mayGrantAccess: false } as const;

beforeAll(async () => {
  data = tempDataDir('portier-browser-sessions-');
  const rendererDir = path.join(data.dir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Portier</title>');
  core = await openPortierCore({ dataDir: path.join(data.dir, 'data'), clock: () => new Date(Date.now() + ahead) });
  const admin = newSessionSlot();
  await core.call(admin, 'setup:create-administrator', { ...ADMIN });
  await core.call(admin, 'staff:create', BOB);
  server = await startBrowserServer({ core, rendererDir, port: 0 });
});

afterAll(async () => {
  await server.close();
  agent.destroy();
  await core.close();
  data.remove();
});

describe('browser mode sessions', () => {
  it('does not honour a session id the client chose', async () => {
    const chosen = 'my-own-chosen-session-id-0123456789';
    const refused = await invoke('session:sign-in', { email: ADMIN.email, password: ADMIN.password }, chosen);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', params: { transport: 'session' } } });
    const signedIn = await invoke('session:sign-in', { email: ADMIN.email, password: ADMIN.password });
    expect(signedIn.body.ok).toBe(true);
    expect(signedIn.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signedIn.session).not.toBe(chosen);
    expect((await invoke('session:current', {}, chosen)).status).toBe(401);
    expect((await invoke('session:current', {}, signedIn.session)).body).toMatchObject({ ok: true, value: { email: ADMIN.email } });
  });

  it('keeps a signed-in tab signed in through 5,000 new anonymous requests and made-up ids', async () => {
    const tab = (await invoke('session:sign-in', { email: BOB.email, password: BOB.password })).session;
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < 5000) {
        const i = next++;
        const answer = i % 2 === 0 ? await invoke('setup:status', {}) : await invoke('setup:status', {}, randomBytes(24).toString('base64url'));
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    expect(Object.fromEntries(statuses)).toEqual({ 200: 2500, 401: 2500 });
    expect((await invoke('session:current', {}, tab)).body).toMatchObject({ ok: true, value: { email: BOB.email } });
  }, 90_000);

  it('ends a tab when the staff user’s password changes, and says so in the header', async () => {
    const admin = (await invoke('session:sign-in', { email: ADMIN.email, password: ADMIN.password })).session;
    const bobTab = (await invoke('session:sign-in', { email: BOB.email, password: BOB.password })).session;
    const bob = (await invoke('session:current', {}, bobTab)).body.value as { id: number };
    const changed = await invoke('staff:update', { id: bob.id, name: BOB.name, email: BOB.email, role: 'staff', mayGrantAccess: false, active: true, language: 'en', password: 'Another-Harbour-99' }, admin);
    expect(changed.body.ok).toBe(true);
    const ended = await invoke('session:current', {}, bobTab);
    expect(ended.body).toEqual({ ok: true, value: null });
    expect(ended.session).toBe('');
    expect((await invoke('session:current', {}, bobTab)).status).toBe(401);
  });

  it('throttles 40 parallel wrong sign-ins over HTTP like 40 sequential ones', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => invoke('session:sign-in', { email: 'carol@example.com', password: 'wrong-password-1' })));
    const codes: Record<string, number> = {};
    for (const a of answers) codes[a.body.error?.code ?? 'ok'] = (codes[a.body.error?.code ?? 'ok'] ?? 0) + 1;
    expect(codes).toEqual({ INVALID_CREDENTIALS: FREE_ATTEMPTS, RATE_LIMITED: 40 - FREE_ATTEMPTS });
  });

  it('ends a tab idle for the timeout although it kept refreshing by itself (x-portier-unattended), and keeps one whose user acts', async () => {
    try {
      const away = (await invoke('session:sign-in', { email: ADMIN.email, password: ADMIN.password })).session as string;
      const here = (await invoke('session:sign-in', { email: ADMIN.email, password: ADMIN.password })).session as string;
      const unattended = { [UNATTENDED_HEADER]: '1' };
      for (let hour = 1; hour <= 7; hour++) {
        ahead += 3600_000;
        expect((await invoke('organisations:list', {}, away, unattended)).body).toMatchObject({ ok: true });
        expect((await invoke('organisations:list', {}, here, hour % 2 ? {} : unattended)).body).toMatchObject({ ok: true });
      }
      ahead += 3600_000 + 1000;
      const ended = await invoke('session:current', {}, away, unattended);
      expect(ended.body).toEqual({ ok: true, value: null });
      expect(ended.session).toBe('');
      expect((await invoke('session:current', {}, here, unattended)).body).toMatchObject({ ok: true, value: { email: ADMIN.email } });
    } finally {
      ahead = 0;
    }
  });
});
