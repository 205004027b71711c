import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PasswordRules } from '../../../shared/portal-api/passwords';
import type { PortalMe } from '../../../shared/portal-api/session';
import { formText, queryText } from '../form-fields';
import { formErrorsOf, passwordFields, PASSWORD_SCRIPTS, typedPasswordErrors, type FormErrors } from '../password-form';
import type { PortalKit } from '../portal-kit';
import { portalText } from '../text';

export const PASSWORD_CHANGE_PATH = '/account/password';

/** Per client address (the current password is also counted per account, with sign-in's). */
export const CHANGE_PASSWORD_RATE = { max: 20, timeWindow: '1 minute' } as const;

/**
 * My account's "Change password": the current password and the new one twice, with live
 * feedback. The same page is where staff's "must change at next sign-in" sends the customer.
 */
export function registerPasswordChangePage(app: FastifyInstance, kit: PortalKit): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, me: PortalMe, rules: PasswordRules, errors: FormErrors | null, notice: string | null) => {
    const lang = await kit.language(request);
    return kit.page(request, reply, 'change-password', { title: 'changePassword.title', section: 'account', status: errors?.status ?? 200, scripts: PASSWORD_SCRIPTS }, {
      required: me.mustChangePassword,
      notice,
      error: errors?.top ?? null,
      currentError: errors?.fields.currentPassword ?? null,
      pw: passwordFields(lang, rules, { error: errors?.fields.password ?? null, repeatError: errors?.fields.password2 ?? null, problems: errors?.problems ?? null }),
    });
  };

  app.get(PASSWORD_CHANGE_PATH, async (request, reply) => {
    const me = await kit.requireMe(request, reply);
    if (!me) return reply;
    const lang = await kit.language(request);
    const notice = queryText(request.query, 'notice') === 'changed' ? portalText(lang, 'changePassword.done') : null;
    return show(request, reply, me, await kit.call(request, 'portal-password:rules', {}), null, notice);
  });

  app.post(PASSWORD_CHANGE_PATH, { config: { rateLimit: CHANGE_PASSWORD_RATE } }, async (request, reply) => {
    const me = await kit.requireMe(request, reply);
    if (!me) return reply;
    const lang = await kit.language(request);
    const rules = await kit.call(request, 'portal-password:rules', {});
    const currentPassword = formText(request.body, 'currentPassword');
    const password = formText(request.body, 'password');
    const typedErrors = typedPasswordErrors(lang, password, formText(request.body, 'password2'));
    if (currentPassword === '' || typedErrors) {
      const errors = typedErrors ?? { status: 400, top: portalText(lang, 'error.validation'), help: null, fields: {}, problems: null };
      if (currentPassword === '') errors.fields.currentPassword = portalText(lang, 'field.required');
      return show(request, reply, me, rules, errors, null);
    }
    try {
      await kit.call(request, 'portal-password:change', { currentPassword, password });
    } catch (error) {
      const errors = formErrorsOf(lang, error, kit);
      if (!errors) throw error;
      return show(request, reply, me, rules, errors, null);
    }
    // The session goes on under a new id (its cookie is set on this answer); every other one has ended.
    return reply.redirect(`${PASSWORD_CHANGE_PATH}?notice=changed`, 303);
  });
}

/** Addresses a customer who must change their password may still reach. */
const ALWAYS_OPEN = new Set([PASSWORD_CHANGE_PATH, '/sign-out', '/branding/logo']);

/**
 * Staff's "must change at next sign-in" (Keycloak's required action): a signed-in customer who
 * must choose a new password is sent to the change page from every other page until they have.
 */
export function registerPasswordChangeGate(app: FastifyInstance, kit: PortalKit): void {
  app.addHook('preHandler', async (request, reply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    if (ALWAYS_OPEN.has(path) || path.startsWith('/assets/')) return;
    const me = await kit.me(request);
    if (me?.mustChangePassword) return reply.redirect(PASSWORD_CHANGE_PATH, 303);
  });
}
