import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UiLanguage } from '../../shared/api/common';
import { AppError, type FieldError } from '../../shared/errors';
import type { PortalChannelName, PortalInputOf, PortalOutputOf } from '../../shared/portal-api';
import type { PortalBranding } from '../../shared/portal-api/branding';
import type { PortalMe } from '../../shared/portal-api/session';
import type { PortierCore } from '../core/portier-core';
import { portalCall } from './portal-request';
import { portalText, type PortalTextKey } from './text';

/** What a page's template gets besides its own data (the layout uses it). */
export interface PageContext {
  lang: UiLanguage;
  t: (key: PortalTextKey, params?: Record<string, string | number>) => string;
  branding: PortalBranding;
  me: PortalMe | null;
  csrfToken: string;
  title: string;
  /** The navigation entry to mark as current. */
  section?: 'tickets' | 'account' | 'hours';
  /** Scripts of the portal's own (/assets/...), loaded deferred: pages work without them. */
  scripts?: readonly string[];
}

export interface PageOptions {
  title: PortalTextKey;
  /** The page's language when it knows better than the session (a mailed link's page: its account's). */
  language?: UiLanguage;
  titleParams?: Record<string, string | number>;
  status?: number;
  section?: PageContext['section'];
  scripts?: readonly string[];
}

/** What every page module gets: calls into the core, the signed-in customer, rendering in their language. */
export interface PortalKit {
  /** Whether customers reach the portal over TLS (cookies then Secure and __Host- prefixed). */
  readonly secure: boolean;
  call<C extends PortalChannelName>(request: FastifyRequest, channel: C, input: PortalInputOf<C>): Promise<PortalOutputOf<C>>;
  /** The signed-in customer (once per request), or null. */
  me(request: FastifyRequest): Promise<PortalMe | null>;
  /** The signed-in customer; otherwise the answer is a redirect to the sign-in page and this is null. */
  requireMe(request: FastifyRequest, reply: FastifyReply): Promise<PortalMe | null>;
  /** The customer's language, or the portal's default for everyone else (ZEP: the sign-in page speaks the portal's language). */
  language(request: FastifyRequest): Promise<UiLanguage>;
  /** The company's name, logo, default language and time zone (kept for a while). */
  branding(request: FastifyRequest): Promise<PortalBranding>;
  page(request: FastifyRequest, reply: FastifyReply, view: string, options: PageOptions, data?: Record<string, unknown>): Promise<FastifyReply>;
  /** A page with only a title and a message (errors, confirmations). */
  message(request: FastifyRequest, reply: FastifyReply, options: PageOptions & { message: string; kind?: 'error' | 'info' }): Promise<FastifyReply>;
  /** The error's text in the language for the top of a form. */
  errorText(language: UiLanguage, error: unknown): string;
  /** A field's problem in the language, for next to the field. */
  fieldText(language: UiLanguage, error: FieldError): string;
}

const BRANDING_MS = 30_000;

export function portalKit(core: Pick<PortierCore, 'portal'>, options: { secure?: boolean } = {}): PortalKit {
  let branding: { value: PortalBranding; at: number } | null = null;
  const meOf = new WeakMap<FastifyRequest, Promise<PortalMe | null>>();
  const call: PortalKit['call'] = (request, channel, input) => portalCall(core, request, channel, input);
  const readBranding = async (request: FastifyRequest) => {
    if (!branding || Date.now() - branding.at > BRANDING_MS) branding = { value: await call(request, 'portal-branding:get', {}), at: Date.now() };
    return branding.value;
  };
  const me: PortalKit['me'] = (request) => {
    let known = meOf.get(request);
    if (!known) {
      known = call(request, 'portal-session:current', {});
      meOf.set(request, known);
    }
    return known;
  };
  const language: PortalKit['language'] = async (request) => (await me(request))?.language ?? (await readBranding(request)).defaultLanguage;
  const page: PortalKit['page'] = async (request, reply, view, options, data = {}) => {
    const lang = options.language ?? (await language(request));
    const t = (key: PortalTextKey, params?: Record<string, string | number>) => portalText(lang, key, params);
    const context: PageContext = {
      lang,
      t,
      branding: await readBranding(request),
      me: await me(request),
      csrfToken: reply.generateCsrf(),
      title: t(options.title, options.titleParams),
      ...(options.section ? { section: options.section } : {}),
      ...(options.scripts ? { scripts: options.scripts } : {}),
    };
    const html = await reply.viewAsync(view, { ...context, ...data });
    return reply.code(options.status ?? 200).type('text/html; charset=utf-8').send(html);
  };
  const errorText: PortalKit['errorText'] = (lang, error) => {
    if (!(error instanceof AppError)) return portalText(lang, 'error.internal');
    switch (error.code) {
      case 'RATE_LIMITED':
        return typeof error.params?.seconds === 'number' ? portalText(lang, 'error.rateLimitedSeconds', { seconds: error.params.seconds }) : portalText(lang, 'error.rateLimited');
      case 'VALIDATION':
        return portalText(lang, 'error.validation');
      case 'UNAUTHENTICATED':
        return portalText(lang, 'error.signInFirst');
      case 'NOT_FOUND':
        return portalText(lang, 'error.notFound');
      default:
        return portalText(lang, 'error.internal');
    }
  };
  const fieldText: PortalKit['fieldText'] = (lang, error) => {
    if (error.code === 'too_long' && error.max !== undefined) return portalText(lang, 'field.tooLong', { max: error.max });
    if (error.code === 'required' || error.code === 'too_short') return portalText(lang, 'field.required');
    return portalText(lang, 'error.validation');
  };
  return {
    secure: options.secure ?? false,
    call,
    me,
    language,
    branding: readBranding,
    page,
    errorText,
    fieldText,
    async requireMe(request, reply) {
      const customer = await me(request);
      if (!customer) await reply.redirect('/sign-in?notice=expired', 303);
      return customer;
    },
    message: (request, reply, options) => page(request, reply, 'message', options, { message: options.message, kind: options.kind ?? 'info' }),
  };
}
