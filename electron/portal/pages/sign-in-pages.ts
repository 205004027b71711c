import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../shared/errors';
import { formText, queryText } from '../form-fields';
import type { PortalKit } from '../portal-kit';
import { portalText, type PortalTextKey } from '../text';

/** Notices the sign-in page may show, by the name in its address (never text from the address itself). */
const NOTICES: Record<string, PortalTextKey> = { 'signed-out': 'signIn.signedOut', expired: 'signIn.expired' };

/** Per client address: a password sprayer meets this before the per-account counter (which counts every attempt). */
export const SIGN_IN_RATE = { max: 30, timeWindow: '1 minute' } as const;

/** What a failed sign-in shows and answers: one text for every wrong username or password. */
function signInFailure(lang: Parameters<typeof portalText>[0], error: unknown, kit: PortalKit): { text: string; status: number } {
  if (!(error instanceof AppError)) return { text: kit.errorText(lang, error), status: 500 };
  if (error.code === 'INVALID_CREDENTIALS' || error.code === 'VALIDATION') return { text: portalText(lang, 'signIn.invalid'), status: 401 };
  if (error.code === 'FORBIDDEN') return { text: portalText(lang, 'signIn.noOrganisation'), status: 403 };
  return { text: kit.errorText(lang, error), status: error.code === 'RATE_LIMITED' ? 429 : 400 };
}

export function registerSignInPages(app: FastifyInstance, kit: PortalKit): void {
  app.get('/', async (request, reply) => reply.redirect((await kit.me(request)) ? '/tickets' : '/sign-in', 303));

  app.get('/sign-in', async (request, reply) => {
    if (await kit.me(request)) return reply.redirect('/tickets', 303);
    const notice = NOTICES[queryText(request.query, 'notice')];
    const lang = await kit.language(request);
    return kit.page(request, reply, 'sign-in', { title: 'signIn.title' }, { username: '', error: null, notice: notice ? portalText(lang, notice) : null });
  });

  app.post('/sign-in', { config: { rateLimit: SIGN_IN_RATE } }, async (request, reply) => {
    const username = formText(request.body, 'username').slice(0, 254);
    const password = formText(request.body, 'password');
    try {
      const outcome = await kit.call(request, 'portal-session:sign-in', { username, password });
      return reply.redirect(outcome.next === 'two-step' ? '/two-step' : '/tickets', 303);
    } catch (error) {
      const { text, status } = signInFailure(await kit.language(request), error, kit);
      return kit.page(request, reply, 'sign-in', { title: 'signIn.title', status }, { username, error: text, notice: null });
    }
  });

  app.post('/sign-out', async (request, reply) => {
    if (await kit.me(request)) await kit.call(request, 'portal-session:sign-out', {});
    return reply.redirect('/sign-in?notice=signed-out', 303);
  });

  app.post('/organisation', async (request, reply) => {
    if (!(await kit.requireMe(request, reply))) return reply;
    const organisationId = Number(formText(request.body, 'organisationId'));
    if (Number.isSafeInteger(organisationId) && organisationId > 0) {
      try {
        await kit.call(request, 'portal-session:switch-organisation', { organisationId });
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
      }
    }
    return reply.redirect('/tickets', 303);
  });
}
