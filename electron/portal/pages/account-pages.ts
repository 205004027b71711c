import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ContactLanguage, UI_LANGUAGES } from '../../../shared/api/common';
import { AppError } from '../../../shared/errors';
import type { PortalPreferences } from '../../../shared/portal-api/preferences';
import { formText, queryText } from '../form-fields';
import type { PortalKit } from '../portal-kit';
import { portalText } from '../text';
import { PASSWORD_CHANGE_PATH } from './password-change-page';

/** Each language named in itself, as language pickers do. */
const LANGUAGE_NAMES = { en: 'English', nl: 'Nederlands', de: 'Deutsch' } as const;

/**
 * /account, "My account": a page of sections, each with its own form. This one holds the
 * language and the status-change mails, and leads to the password change and the two-step
 * login set-up, which have their own pages.
 */
export function registerAccountPages(app: FastifyInstance, kit: PortalKit): void {
  async function show(request: FastifyRequest, reply: FastifyReply, preferences: PortalPreferences, extra: { status?: number; languageError?: string; notice?: string }) {
    const me = await kit.me(request);
    const lang = await kit.language(request);
    const { defaultLanguage } = await kit.branding(request);
    // The sections of the other areas show where they stand and lead to their own pages.
    const twoStep = await kit.call(request, 'portal-two-step:status', {});
    return kit.page(request, reply, 'account', { title: 'layout.myAccount', section: 'account', status: extra.status ?? 200 }, {
      signedInAs: portalText(lang, 'account.signedInAs', { username: me?.username ?? '' }),
      preferences,
      languages: [
        { value: 'default', label: portalText(lang, 'account.languageDefault', { language: LANGUAGE_NAMES[defaultLanguage] }) },
        ...UI_LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] })),
      ],
      languageError: extra.languageError ?? null,
      notice: extra.notice ?? null,
      twoStepOn: twoStep.method !== null,
      passwordHref: PASSWORD_CHANGE_PATH,
    });
  }

  app.get('/account', async (request, reply) => {
    if (!(await kit.requireMe(request, reply))) return reply;
    const preferences = await kit.call(request, 'portal-preferences:get', {});
    const saved = queryText(request.query, 'notice') === 'saved';
    return show(request, reply, preferences, saved ? { notice: portalText(await kit.language(request), 'account.saved') } : {});
  });

  app.post('/account/preferences', async (request, reply) => {
    const me = await kit.requireMe(request, reply);
    if (!me) return reply;
    const language = ContactLanguage.safeParse(formText(request.body, 'language'));
    // A checkbox sends its value only when ticked.
    const notifyStatusChanges = formText(request.body, 'notifyStatusChanges') === 'on';
    if (!language.success) {
      const current = await kit.call(request, 'portal-preferences:get', {});
      return show(request, reply, { ...current, notifyStatusChanges }, { status: 400, languageError: portalText(me.language, 'error.validation') });
    }
    try {
      await kit.call(request, 'portal-preferences:update', { language: language.data, notifyStatusChanges });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'VALIDATION')) throw error;
      return show(request, reply, { language: language.data, notifyStatusChanges }, { status: 400, languageError: kit.errorText(me.language, error) });
    }
    return reply.redirect('/account?notice=saved', 303);
  });
}
