import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UiLanguage } from '../../../shared/api/common';
import { AppError } from '../../../shared/errors';
import type { LinkKind, OpenedLink } from '../../../shared/portal-api/passwords';
import { formText, queryText } from '../form-fields';
import { formErrorsOf, passwordFields, PASSWORD_SCRIPTS, typedPasswordErrors, type FormErrors } from '../password-form';
import type { PortalKit } from '../portal-kit';
import { linkStateCookie } from '../portal-security';
import { portalText, type PortalTextKey } from '../text';

/** Per client address: opening links (each makes a state row) and submitting their forms. */
export const OPEN_LINK_RATE = { max: 30, timeWindow: '1 minute' } as const;
export const SUBMIT_LINK_RATE = { max: 20, timeWindow: '1 minute' } as const;

/** The state's cookie lives as long as the state (core/portal-passwords/portal-links.ts). */
const STATE_SECONDS = 15 * 60;
const STATE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** One kind of mailed link and its page. */
interface LinkPage {
  kind: LinkKind;
  path: '/activate' | '/set-password';
  title: PortalTextKey;
  intro: PortalTextKey;
  submit: PortalTextKey;
  invalid: { text: PortalTextKey; help: PortalTextKey };
  useMail: { title: PortalTextKey; text: PortalTextKey };
  done: { title: PortalTextKey; text: PortalTextKey };
  /** Where a dead link's page sends the customer next. */
  next: { href: string; text: PortalTextKey };
}

const ACTIVATION: LinkPage = {
  kind: 'activation',
  path: '/activate',
  title: 'activate.title',
  intro: 'activate.intro',
  submit: 'activate.submit',
  invalid: { text: 'activate.invalid', help: 'activate.invalidHelp' },
  useMail: { title: 'activate.useMail.title', text: 'activate.useMail' },
  done: { title: 'activate.done.title', text: 'activate.done' },
  next: { href: '/sign-in', text: 'link.signIn' },
};

const SET_PASSWORD: LinkPage = {
  kind: 'set-password',
  path: '/set-password',
  title: 'setPassword.title',
  intro: 'setPassword.intro',
  submit: 'setPassword.submit',
  invalid: { text: 'setPassword.invalid', help: 'setPassword.invalidHelp' },
  useMail: { title: 'setPassword.useMail.title', text: 'setPassword.useMail' },
  done: { title: 'setPassword.done.title', text: 'setPassword.done' },
  next: { href: '/forgot-password', text: 'forgot.ask' },
};

const isInvalidLink = (error: unknown) => error instanceof AppError && (error.code === 'INVALID_TOKEN' || error.code === 'VALIDATION');

/**
 * The pages the activation mail and the set-password mail link to. The first request carries the
 * token: the core checks it without using it and keeps it under a random state, whose name goes
 * into an HttpOnly cookie, and the page redirects to its clean address, so the token is in no
 * later address, history entry, log line or Referer. The form then works on the state alone.
 */
function registerLinkPage(app: FastifyInstance, kit: PortalKit, page: LinkPage): void {
  const cookie = linkStateCookie(kit.secure);
  const stateOf = (request: FastifyRequest): string | null => {
    const value = request.cookies[cookie.name];
    return typeof value === 'string' && STATE_SHAPE.test(value) ? value : null;
  };
  const forget = (reply: FastifyReply) => reply.clearCookie(cookie.name, cookie.options);

  /** A page with one message and a way on: the link is dead, there is none, or it worked. */
  const linkMessage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { title: PortalTextKey; text: PortalTextKey; help?: PortalTextKey; status: number; error: boolean; params?: Record<string, string>; link: { href: string; text: PortalTextKey }; language?: UiLanguage },
  ) => {
    const lang = options.language ?? (await kit.language(request));
    return kit.page(request, reply, 'link-message', { title: options.title, status: options.status, language: lang }, {
      message: portalText(lang, options.text, options.params),
      help: options.help ? portalText(lang, options.help) : null,
      error: options.error,
      link: { href: options.link.href, text: portalText(lang, options.link.text) },
    });
  };
  const invalidPage = (request: FastifyRequest, reply: FastifyReply, status: number) =>
    linkMessage(request, reply, { title: page.title, text: page.invalid.text, help: page.invalid.help, status, error: true, link: page.next });

  // In the language of the account's mail: the customer came from it.
  const form = async (request: FastifyRequest, reply: FastifyReply, opened: OpenedLink, typed: { code: string }, errors: FormErrors | null) => {
    const lang = opened.language;
    return kit.page(request, reply, 'link-form', { title: page.title, status: errors?.status ?? 200, scripts: PASSWORD_SCRIPTS, language: lang }, {
      page: { path: page.path, intro: portalText(lang, page.intro, { username: opened.username }), submit: page.submit, withCode: page.kind === 'activation' },
      username: opened.username,
      code: typed.code,
      error: errors?.top ?? null,
      errorHelp: errors?.help ?? null,
      codeError: errors?.fields.code ?? null,
      pw: passwordFields(lang, opened.rules, { error: errors?.fields.password ?? null, repeatError: errors?.fields.password2 ?? null, problems: errors?.problems ?? null }),
    });
  };

  app.get(page.path, { config: { rateLimit: OPEN_LINK_RATE } }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (Object.hasOwn(query, 'token')) {
      // Whatever happens, the answer is a redirect to an address without the token.
      try {
        const { state } = await kit.call(request, 'portal-links:open', { kind: page.kind, token: queryText(query, 'token') });
        reply.setCookie(cookie.name, state, { ...cookie.options, maxAge: STATE_SECONDS });
        return reply.redirect(page.path, 303);
      } catch (error) {
        if (!isInvalidLink(error)) throw error;
        forget(reply);
        return reply.redirect(`${page.path}?link=invalid`, 303);
      }
    }
    if (queryText(query, 'link') === 'invalid') return invalidPage(request, reply, 400);
    const state = stateOf(request);
    // The letter's QR code (no token) or a state gone by: the link in the mail is the way in.
    if (!state) return linkMessage(request, reply, { title: page.useMail.title, text: page.useMail.text, status: 200, error: false, link: page.next });
    try {
      return await form(request, reply, await kit.call(request, 'portal-links:get', { kind: page.kind, state }), { code: '' }, null);
    } catch (error) {
      if (!isInvalidLink(error)) throw error;
      forget(reply);
      return invalidPage(request, reply, 400);
    }
  });

  app.post(page.path, { config: { rateLimit: SUBMIT_LINK_RATE } }, async (request, reply) => {
    const state = stateOf(request);
    if (!state) return invalidPage(request, reply, 400);
    let opened: OpenedLink;
    try {
      opened = await kit.call(request, 'portal-links:get', { kind: page.kind, state });
    } catch (error) {
      if (!isInvalidLink(error)) throw error;
      forget(reply);
      return invalidPage(request, reply, 400);
    }
    const lang = opened.language;
    // The code is kept as typed (a typo is easier to see); the passwords never are. Junk is not echoed.
    const code = formText(request.body, 'code');
    const typed = { code: code.length <= 200 ? code.replace(/\p{Cc}/gu, '') : '' };
    const password = formText(request.body, 'password');
    const repeat = formText(request.body, 'password2');
    const typedErrors = typedPasswordErrors(lang, password, repeat);
    if (typedErrors) return form(request, reply, opened, typed, typedErrors);
    try {
      const done =
        page.kind === 'activation'
          ? await kit.call(request, 'portal-activation:activate', { state, code, password })
          : await kit.call(request, 'portal-password:set', { state, password });
      forget(reply);
      return linkMessage(request, reply, { title: page.done.title, text: page.done.text, params: { username: done.username }, status: 200, error: false, link: { href: '/sign-in', text: 'link.signIn' }, language: lang });
    } catch (error) {
      const errors = formErrorsOf(lang, error, kit, page.invalid);
      if (!errors) throw error;
      return form(request, reply, opened, typed, errors);
    }
  });
}

export function registerLinkPages(app: FastifyInstance, kit: PortalKit): void {
  registerLinkPage(app, kit, ACTIVATION);
  registerLinkPage(app, kit, SET_PASSWORD);
}
