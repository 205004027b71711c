import type { FastifyInstance } from 'fastify';
import { formText } from '../form-fields';
import { formErrorsOf } from '../password-form';
import type { PortalKit } from '../portal-kit';
import { portalText } from '../text';

/** Per client address, beside the core's per-address count (5 links, then a growing wait). */
export const FORGOT_PASSWORD_RATE = { max: 10, timeWindow: '1 minute' } as const;

/**
 * "Forgot your password?": one answer for every address, after the same time (the core pads it),
 * so the page never tells whether an address has an account.
 */
export function registerForgotPasswordPage(app: FastifyInstance, kit: PortalKit): void {
  app.get('/forgot-password', async (request, reply) => kit.page(request, reply, 'forgot-password', { title: 'forgot.title' }, { username: '', error: null, usernameError: null }));

  app.post('/forgot-password', { config: { rateLimit: FORGOT_PASSWORD_RATE } }, async (request, reply) => {
    const lang = await kit.language(request);
    const username = formText(request.body, 'username');
    try {
      await kit.call(request, 'portal-password:forgot', { username });
    } catch (error) {
      const errors = formErrorsOf(lang, error, kit);
      if (!errors) throw error;
      // What was typed stays (within an address's length, without control characters).
      const shown = username.replace(/\p{Cc}/gu, '').slice(0, 254);
      return kit.page(request, reply, 'forgot-password', { title: 'forgot.title', status: errors.status }, { username: shown, error: errors.top, usernameError: errors.fields.username ?? null });
    }
    return kit.message(request, reply, { title: 'forgot.sent.title', message: portalText(lang, 'forgot.sent', { username: username.trim() }) });
  });
}
