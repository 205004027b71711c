import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import { Eta } from 'eta';
import type { PortierCore } from '../core/portier-core';
import { portalKit, type PortalKit } from './portal-kit';
import { requestState, syncSessionCookie } from './portal-request';
import { csrfCookie, portalHelmetOptions, sessionCookie } from './portal-security';
import { registerSignInPages } from './pages/sign-in-pages';
import { registerTicketPages } from './pages/ticket-pages';
import { registerHoursPages } from './pages/hours-pages';
import { registerAccountPages } from './pages/account-pages';
import { registerPasswordPages } from './pages/password-pages';
import { registerTwoStepPages } from './pages/two-step-pages';
import { portalText, type PortalTextKey } from './text';

/** Form posts are small: a comment is the longest thing a customer types. */
const BODY_LIMIT = 256 * 1024;

export interface PortalServerOptions {
  core: Pick<PortierCore, 'portal'>;
  /** The app's resources folder: the portal's templates (portal/views) and stylesheet (portal/public). */
  resourcesDir: string;
  /** The address customers use (the activation mail's links); https:// makes cookies Secure and __Host- prefixed. */
  publicUrl?: string;
  /** Behind a reverse proxy: believe X-Forwarded-For/-Proto/-Host. Off by default: anyone could send them. */
  trustProxy?: boolean;
  /** Hears failures customers only see as "something went wrong" (for a log). */
  onError?: (error: unknown) => void;
}

/** Every page module of the portal; each registers its routes with the kit. */
const PAGES: readonly ((app: FastifyInstance, kit: PortalKit) => void)[] = [registerSignInPages, registerTicketPages, registerHoursPages, registerAccountPages, registerPasswordPages, registerTwoStepPages];

/**
 * The customer portal: a third shell beside the desktop window and browser mode, serving
 * server-rendered pages to customers on Fastify and its maintained plugins. Every page calls the
 * core through the portal's own dispatcher (shared/portal-api), as the signed-in portal account.
 */
export async function buildPortalServer(options: PortalServerOptions): Promise<FastifyInstance> {
  const secure = options.publicUrl?.startsWith('https://') ?? false;
  const session = sessionCookie(secure);
  const csrfSecret = csrfCookie(secure);
  const views = path.join(options.resourcesDir, 'portal', 'views');
  const app = Fastify({ trustProxy: options.trustProxy ?? false, bodyLimit: BODY_LIMIT, logger: false, return503OnClosing: true });

  await app.register(helmet, portalHelmetOptions(secure));
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: BODY_LIMIT });
  await app.register(csrf, { sessionPlugin: '@fastify/cookie', cookieKey: csrfSecret.name, cookieOpts: csrfSecret.options, getToken: (request) => formTokenOf(request.body) });
  await app.register(rateLimit, { global: false, keyGenerator: (request) => request.ip });
  await app.register(view, { engine: { eta: new Eta({ views, cache: true, autoEscape: true }) }, templates: views, production: true });
  await app.register(fastifyStatic, { root: path.join(options.resourcesDir, 'portal', 'public'), prefix: '/assets/', index: false, maxAge: '1h' });

  app.decorateRequest('portalState', null as never);
  app.addHook('onRequest', async (request) => {
    request.portalState = requestState(request, session.name);
  });
  // Every form post, sign-in included, must carry the token made from this browser's CSRF cookie.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method === 'POST') await new Promise<void>((resolve, reject) => app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve())));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.portalState) syncSessionCookie(reply, request.portalState, session);
    // Pages show a customer's data: never kept by a browser or proxy cache.
    if (!request.url.startsWith('/assets/')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  const kit = portalKit(options.core, { secure });
  for (const register of PAGES) register(app, kit);

  app.get('/branding/logo', async (request, reply) => {
    const logo = await kit.call(request, 'portal-branding:logo', {});
    if (!logo) return reply.code(404).send();
    return reply.type(logo.mimeType).send(Buffer.from(logo.dataBase64, 'base64'));
  });

  app.setNotFoundHandler(async (request, reply) => {
    const lang = await kit.language(request);
    return kit.message(request, reply, { title: 'error.notFound.title', status: 404, message: portalText(lang, 'error.notFound') });
  });
  app.setErrorHandler(async (error, request, reply) => {
    const lang = await kit.language(request).catch(() => 'en' as const);
    const known = knownFailure(error);
    if (!known) options.onError?.(error);
    const { status, text } = known ?? { status: 500, text: 'error.internal' as const };
    return kit.message(request, reply, { title: 'error.title', status, kind: 'error', message: portalText(lang, text) });
  });
  return app;
}

/** Failures of the request itself (not of the portal): a stale form, too many attempts, a body no form sends. */
function knownFailure(error: unknown): { status: number; text: PortalTextKey } | null {
  const { code = '', statusCode = 500 } = error as { code?: string; statusCode?: number };
  if (code.startsWith('FST_CSRF')) return { status: 403, text: 'error.csrf' };
  if (statusCode === 429) return { status: 429, text: 'error.rateLimited' };
  if (statusCode >= 400 && statusCode < 500) return { status: statusCode, text: 'error.validation' };
  return null;
}

function formTokenOf(body: unknown): string | undefined {
  const token = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)._csrf : undefined;
  return typeof token === 'string' ? token : undefined;
}

export interface PortalServer {
  url: string;
  close(): Promise<void>;
}

/** Builds the portal and listens (port 0: a free one). */
export async function startPortalServer(options: PortalServerOptions & { host?: string; port?: number }): Promise<PortalServer> {
  const app = await buildPortalServer(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 0;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, close: () => app.close() };
}
