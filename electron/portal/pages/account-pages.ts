import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ContactLanguage, UI_LANGUAGES } from '../../../shared/api/common';
import { AppError } from '../../../shared/errors';
import type { PortalPreferences } from '../../../shared/portal-api/preferences';
import { formText, queryText } from '../form-fields';
import type { PortalKit } from '../portal-kit';
import { portalText } from '../text';

/** Each language named in itself, as language pickers do. */
const LANGUAGE_NAMES = { en: 'English', nl: 'Nederlands', de: 'Deutsch' } as const;

/**
 * /account, "My account": a page of sections, each with its own form. This one holds the
 * language and the status-change mails; password change and two-step login add their own
 * sections (and routes) beside it.
 */
export function registerAccountPages(app: FastifyInstance, kit: PortalKit): void {
  async function show(request: FastifyRequest, reply: FastifyReply, preferences: PortalPreferences, extra: { status?: number; languageError?: string; notice?: string }) {
    const me = await kit.me(request);
    const lang = await kit.language(request);
    const { defaultLanguage } = await kit.branding(request);
    return kit.page(request, reply, 'account', { title: 'layout.myAccount', section: 'account', status: extra.status ?? 200 }, {
      signedInAs: portalText(lang, 'account.signedInAs', { username: me?.username ?? '' }),
      preferences,
      languages: [
        { value: 'default', label: portalText(lang, 'account.languageDefault', { language: LANGUAGE_NAMES[defaultLanguage] }) },
        ...UI_LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] })),
      ],
      languageError: extra.languageError ?? null,
      notice: extra.notice ?? null,
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
