import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INVOKE_PATH, KEY_FRAGMENT, KEY_HEADER, SESSION_HEADER, UNATTENDED_HEADER } from '../../shared/bridge';
import { CHANGES_PATH } from '../../shared/data-changes';
import type { Result } from '../../shared/result';
import { newSessionSlot, type SessionSlot } from '../core/auth/session';
import type { PortierCore } from '../core/portier-core';
import { SECURITY_HEADERS } from '../shell/content-security-policy';
import { ChangeStreams } from './change-streams';
import { BodyTooLargeError, readBody, sendError, sendResult, sendText } from './http-io';
import { SessionSlots, isValidSessionId } from './session-slots';
import { contentTypeFor, lookupStaticFile } from './static-files';

/** Loopback only: browser mode is for the person at this machine, never the network. */
const HOST = '127.0.0.1';

export interface BrowserServerOptions {
  core: Pick<PortierCore, 'invoke' | 'onChanged'>;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  maxBodyBytes?: number;
  maxSessions?: number;
  /** Change streams (GET CHANGES_PATH) one signed-in tab's session may hold open at once. */
  maxStreamsPerSession?: number;
  /** How often an open change stream gets a heartbeat comment. */
  heartbeatMs?: number;
  /** Hears failures the client only sees as INTERNAL (for a log). */
  onError?: (error: unknown) => void;
}

export interface BrowserServer {
  /** The address to open, with the secret in the fragment: http://127.0.0.1:PORT/#key=SECRET */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** The per-launch secret every /api request must carry in KEY_HEADER. */
  secret: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the built renderer plus the contract over HTTP, for machines
 * where Electron cannot start. Defences, in order: Host header (DNS
 * rebinding), per-launch secret (any other local program or web page),
 * Origin, body size, JSON shape; then the core validates and authorises as it
 * does for IPC. A signed-in tab may also hold a change stream (GET CHANGES_PATH,
 * Server-Sent Events) that names the domains changed elsewhere, behind the same key,
 * Host and Origin checks and its session.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const secret = randomBytes(32).toString('base64url');
  const secretDigest = digest(secret);
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const sessions = new SessionSlots(options.maxSessions ?? 1000);
  const streams = new ChangeStreams({
    maxPerSession: options.maxStreamsPerSession ?? 4,
    heartbeatMs: options.heartbeatMs ?? 25_000,
    isSignedIn: (id) => (sessions.peek(id)?.staffId ?? null) !== null,
  });
  const stopTelling = options.core.onChanged((domains) => streams.tell(domains));
  let port = 0;
  const allowedHosts = () => new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${HOST}:${port}`, `http://localhost:${port}`]);

  const keyMatches = (value: string | string[] | undefined) =>
    typeof value === 'string' && timingSafeEqual(digest(value), secretDigest);

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    // The key comes first: without it a caller learns nothing, not even which paths exist.
    if (!keyMatches(req.headers[KEY_HEADER])) {
      return sendError(res, 401, 'UNAUTHENTICATED', 'This Portier address needs the key it was started with.', { Connection: 'close' });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return sendError(res, 403, 'FORBIDDEN', 'Requests from other sites are refused.');
    }
    if (pathname === CHANGES_PATH) return openChangeStream(req, res);
    if (pathname !== INVOKE_PATH) return sendError(res, 404, 'NOT_FOUND', 'There is no such address.');
    if (req.method !== 'POST') return sendError(res, 405, 'VALIDATION', 'Use POST.', { Allow: 'POST' });

    const sessionId = req.headers[SESSION_HEADER];
    if (sessionId !== undefined && (typeof sessionId !== 'string' || !isValidSessionId(sessionId))) {
      return sendError(res, 400, 'VALIDATION', `The ${SESSION_HEADER} header is malformed.`);
    }
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      return sendError(res, 400, 'VALIDATION', 'Send the request as application/json.');
    }

    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        if (error.aborted) return;
        return sendError(res, 413, 'VALIDATION', `The request is larger than ${maxBodyBytes} bytes.`, { Connection: 'close' });
      }
      throw error;
    }
    const call = parseCall(body);
    if (!call) return sendError(res, 400, 'VALIDATION', 'The request must be JSON: {"channel": string, "input": any}.');

    // Without a session header the call gets a throw-away slot: public channels work, nothing is remembered.
    // An id the server did not issue (or has forgotten) is refused: a client never picks its own session.
    const known = sessionId === undefined ? undefined : sessions.get(sessionId);
    if (sessionId !== undefined && !known) {
      return sendResult(res, 401, {
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: 'This session has ended; sign in again.', params: { transport: 'session' } },
      });
    }
    const slot = known ?? newSessionSlot('browser');
    const signedInAs = slot.staffId;
    let result: Result<unknown>;
    try {
      // A refresh the tab made by itself is answered without counting as the user being there.
      result = await options.core.invoke(slot, call.channel, call.input, { unattended: req.headers[UNATTENDED_HEADER] === '1' });
    } catch (error) {
      options.onError?.(error);
      result = { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Portier. The change was not saved.' } };
    }
    sendResult(res, 200, result, sessionHeader(sessionId, slot, signedInAs));
  }

  /**
   * A signed-in tab's change stream. The session is checked by the core (session:current: the
   * staff user still active, same security stamp, not idle too long), as for every call; an
   * absent, made-up, forgotten or signed-out session gets 401 like a call would.
   */
  async function openChangeStream(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET') return sendError(res, 405, 'VALIDATION', 'Use GET.', { Allow: 'GET' });
    const sessionId = req.headers[SESSION_HEADER];
    if (sessionId !== undefined && (typeof sessionId !== 'string' || !isValidSessionId(sessionId))) {
      return sendError(res, 400, 'VALIDATION', `The ${SESSION_HEADER} header is malformed.`);
    }
    const refused = () =>
      sendResult(res, 401, {
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: 'Sign in to hear of changes.', params: { transport: 'session' } },
      });
    const slot = sessionId === undefined ? undefined : sessions.get(sessionId);
    if (sessionId === undefined || !slot || slot.staffId === null) return refused();
    // Opening (or re-opening) the stream is the tab's own doing, not the user's.
    const current = await options.core.invoke(slot, 'session:current', {}, { unattended: true });
    // The check may have ended the session (idle, password or role changed), or the tab signed out meanwhile.
    if (slot.staffId === null) forget(sessionId);
    if (!current.ok || current.value === null || sessions.peek(sessionId) !== slot) return refused();
    if (res.destroyed) return;
    streams.open(sessionId, res);
  }

  /**
   * What the tab is told to send from now on: a new id when this call signed it in
   * (never the one it came with, so an id known before sign-in is worth nothing), the
   * same id while signed in, an empty value when the session ended (sign-out, idle,
   * password or role changed), nothing for anonymous calls.
   */
  function sessionHeader(sessionId: string | undefined, slot: SessionSlot, signedInAs: number | null): Record<string, string> {
    if (slot.staffId !== null && (sessionId === undefined || slot.staffId !== signedInAs)) {
      if (sessionId !== undefined) forget(sessionId);
      return { [SESSION_HEADER]: sessions.issue(slot) };
    }
    if (sessionId === undefined) return {};
    if (slot.staffId === null) {
      forget(sessionId);
      return { [SESSION_HEADER]: '' };
    }
    return { [SESSION_HEADER]: sessionId };
  }

  /** A session id the tab is to send no more: its change streams end with it. */
  function forget(sessionId: string): void {
    sessions.delete(sessionId);
    streams.endSession(sessionId);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed.');
    }
    const found = lookupStaticFile(options.rendererDir, pathname);
    if (found.kind === 'bad-request') return sendText(res, 400, 'Bad request.');
    if (found.kind === 'forbidden') return sendText(res, 403, 'Forbidden.');
    if (found.kind === 'not-found') return sendText(res, 404, 'Not found.');
    let content: Buffer;
    try {
      content = fs.readFileSync(found.file);
    } catch {
      return sendText(res, 404, 'Not found.');
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(found.file),
      'Content-Length': content.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').toLowerCase();
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    if (!allowedHosts().has(host)) {
      // A page on another name that resolves to 127.0.0.1 (DNS rebinding) lands here.
      if (isApi) return sendError(res, 421, 'FORBIDDEN', 'Wrong Host header.', { Connection: 'close' });
      return sendText(res, 421, 'Wrong Host header.');
    }
    const work = isApi ? handleApi(req, res, pathname) : Promise.resolve(handleStatic(req, res, pathname));
    work.catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Something went wrong inside Portier.');
      else res.destroy();
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: HOST, port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${port}`;

  return {
    url: `${origin}/#${KEY_FRAGMENT}=${secret}`,
    origin,
    port,
    secret,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopTelling();
        streams.endAll();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function parseCall(body: Buffer): { channel: string; input: unknown } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { channel, input } = parsed as { channel?: unknown; input?: unknown };
  if (typeof channel !== 'string') return null;
  return { channel, input: input ?? {} };
}
