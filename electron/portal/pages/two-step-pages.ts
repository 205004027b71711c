import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { UiLanguage } from '../../../shared/api/common';
import { AppError } from '../../../shared/errors';
import type { TwoStepMethod, TwoStepStatus } from '../../../shared/portal-api/two-step';
import { formText, queryText } from '../form-fields';
import type { PortalKit } from '../portal-kit';
import { portalText } from '../text';

/** Per client address, on top of the 5 wrong codes per sign-in the core counts. */
export const TWO_STEP_RATE = { max: 20, timeWindow: '1 minute' } as const;

/** Where an account that must set up two-step login may still go: the set-up itself, signing out, the stylesheet and logo. */
const OPEN_WHILE_SETTING_UP = /^\/(account\/two-step(\/[a-z-]+)?|sign-out|sign-in|two-step(\/sms)?|assets\/.*|branding\/logo)(\?.*)?$/;

/** What a code field shows when it is wrong, and the error's text. */
interface CodeError {
  code: string;
  text: string;
}

const isError = (error: unknown, ...codes: string[]): error is AppError => error instanceof AppError && codes.includes(error.code);

/** The secret in groups of four, for typing into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

async function qrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, scale: 5 });
}

const dateOf = (lang: UiLanguage, iso: string | null) => (iso ? new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(iso)) : '');

/**
 * The second step of signing in (/two-step) and setting two-step login up on "My account"
 * (/account/two-step). An account whose role group requires two-step login and that has no
 * method yet is sent to the set-up before any other page.
 */
export function registerTwoStepPages(app: FastifyInstance, kit: PortalKit): void {
  app.addHook('preHandler', async (request, reply) => {
    if (OPEN_WHILE_SETTING_UP.test(request.url)) return;
    const me = await kit.me(request);
    if (me?.mustSetUpTwoStep) await reply.redirect('/account/two-step', 303);
  });

  const challengePage = async (request: FastifyRequest, reply: FastifyReply, extra: { wrongCode?: string; error?: string | null; notice?: string | null; status?: number } = {}) => {
    const challenge = await kit.call(request, 'portal-session:two-step-challenge', {});
    // No second step waiting: signed in meanwhile (a double click's other request), or ended. Asked
    // afresh, since kit.me keeps what this request saw when it came in.
    if (!challenge) return reply.redirect((await kit.call(request, 'portal-session:current', {})) ? '/tickets' : '/sign-in?notice=expired', 303);
    const lang = await kit.language(request);
    const codeError = extra.wrongCode === undefined ? null : portalText(lang, 'twoStep.wrong', { left: challenge.attemptsLeft });
    return kit.page(request, reply, 'two-step', { title: 'twoStep.title', status: extra.status ?? 200 }, { challenge, code: extra.wrongCode ?? '', codeError, error: extra.error ?? null, notice: extra.notice ?? null });
  };

  app.get('/two-step', async (request, reply) => {
    const lang = await kit.language(request);
    return challengePage(request, reply, { notice: queryText(request.query, 'notice') === 'sent' ? portalText(lang, 'twoStep.sent') : null });
  });

  app.post('/two-step', { config: { rateLimit: TWO_STEP_RATE } }, async (request, reply) => {
    const code = formText(request.body, 'code').slice(0, 40);
    try {
      const { recoveryCodeUsed } = await kit.call(request, 'portal-session:verify-two-step', { code });
      return reply.redirect(recoveryCodeUsed ? '/account/two-step?notice=recovery-used' : '/tickets', 303);
    } catch (error) {
      // Every wrong code answers alike (an app's, an SMS's, a recovery code, a used or an expired one).
      // What was typed stays in the field (a typo in a recovery code is fixed, not retyped).
      if (isError(error, 'INVALID_CREDENTIALS', 'VALIDATION')) return challengePage(request, reply, { status: 400, wrongCode: code });
      // A double click: the first request signed this very sign-in in. Asked afresh: kit.me keeps
      // what this request saw when it came in, before the other request's sign-in was committed.
      if (isError(error, 'UNAUTHENTICATED')) return (await kit.call(request, 'portal-session:current', {})) ? reply.redirect('/tickets', 303) : ended(request, reply);
      throw error;
    }
  });

  app.post('/two-step/sms', { config: { rateLimit: TWO_STEP_RATE } }, async (request, reply) => {
    const lang = await kit.language(request);
    try {
      await kit.call(request, 'portal-session:send-sms-code', {});
      return reply.redirect('/two-step?notice=sent', 303);
    } catch (error) {
      if (isError(error, 'RATE_LIMITED')) return challengePage(request, reply, { status: 429, error: kit.errorText(lang, error) });
      if (isError(error, 'CONFLICT')) return challengePage(request, reply, { status: 409, error: portalText(lang, 'twoStep.noMobile') });
      if (isError(error, 'UNAUTHENTICATED')) return ended(request, reply);
      throw error;
    }
  });

  const ended = async (request: FastifyRequest, reply: FastifyReply) =>
    kit.page(request, reply, 'two-step-ended', { title: 'twoStep.ended.title', status: 401 }, {});

  // "My account": setting two-step login up, turning it off, new recovery codes.
  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { codeError?: CodeError | null; passwordError?: { form: string; text: string } | null; notice?: string | null; recoveryNotice?: boolean; error?: string | null; status?: number } = {},
  ) => {
    const status: TwoStepStatus = await kit.call(request, 'portal-two-step:status', {});
    const lang = await kit.language(request);
    return kit.page(request, reply, 'account-two-step', { title: 'account.twoStep.title', section: 'account', status: extra.status ?? 200 }, {
      status,
      qr: status.pendingTotp ? await qrDataUrl(status.pendingTotp.uri) : null,
      secret: status.pendingTotp ? grouped(status.pendingTotp.secret) : null,
      enabledOn: dateOf(lang, status.enabledAt),
      codeError: extra.codeError ?? null,
      passwordError: extra.passwordError ?? null,
      notice: extra.notice ?? null,
      recoveryNotice: extra.recoveryNotice ?? false,
      error: extra.error ?? null,
    });
  };

  app.get('/account/two-step', async (request, reply) => {
    if (!(await kit.requireMe(request, reply))) return reply;
    const lang = await kit.language(request);
    const notice = queryText(request.query, 'notice');
    let text: string | null = null;
    if (notice === 'off') text = portalText(lang, 'account.twoStep.turnedOff');
    if (notice === 'recovery-used') text = portalText(lang, 'twoStep.recoveryUsed', { left: (await kit.call(request, 'portal-two-step:status', {})).recoveryCodesLeft });
    // The notice after a recovery-code sign-in already says how many codes are left.
    return accountPage(request, reply, { notice: text, recoveryNotice: notice === 'recovery-used' });
  });

  app.post('/account/two-step/totp', async (request, reply) => {
    if (!(await kit.requireMe(request, reply))) return reply;
    await startOrExplain(request, reply, 'portal-two-step:start-totp');
    return reply.sent ? reply : reply.redirect('/account/two-step', 303);
  });

  app.post('/account/two-step/sms', { config: { rateLimit: TWO_STEP_RATE } }, async (request, reply) => {
    if (!(await kit.requireMe(request, reply))) return reply;
    await startOrExplain(request, reply, 'portal-two-step:start-sms');
    return reply.sent ? reply : reply.redirect('/account/two-step', 303);
  });

  /** Starts a set-up; a refusal (already on, no number, too many codes) is shown on the page. */
  const startOrExplain = async (request: FastifyRequest, reply: FastifyReply, channel: 'portal-two-step:start-totp' | 'portal-two-step:start-sms') => {
    const lang = await kit.language(request);
    try {
      await kit.call(request, channel, {});
    } catch (error) {
      if (isError(error, 'RATE_LIMITED')) await accountPage(request, reply, { status: 429, error: kit.errorText(lang, error) });
      // Already on (a second tab), or no mobile number for SMS (the page says so by itself).
      else if (!isError(error, 'CONFLICT')) throw error;
    }
  };

  app.post('/account/two-step/confirm', { config: { rateLimit: TWO_STEP_RATE } }, async (request, reply) => {
    if (!(await kit.requireMe(request, reply))) return reply;
    const lang = await kit.language(request);
    const method: TwoStepMethod = formText(request.body, 'method') === 'sms' ? 'sms' : 'totp';
    const code = formText(request.body, 'code').slice(0, 40);
    try {
      const { recoveryCodes } = await kit.call(request, 'portal-two-step:confirm', { method, code });
      return await recoveryCodesPage(request, reply, recoveryCodes);
    } catch (error) {
      if (isError(error, 'INVALID_CREDENTIALS', 'VALIDATION')) return accountPage(request, reply, { status: 400, codeError: { code, text: portalText(lang, 'account.twoStep.wrong') } });
      if (isError(error, 'CONFLICT')) return reply.redirect('/account/two-step', 303);
      throw error;
    }
  });

  const recoveryCodesPage = (request: FastifyRequest, reply: FastifyReply, codes: string[]) =>
    kit.page(request, reply, 'recovery-codes', { title: 'account.twoStep.codesTitle', section: 'account' }, { codes });

  /** A change that needs the password; a wrong one is shown next to that form's password field (never the password itself). */
  const withPassword = (path: string, form: string, run: (request: FastifyRequest, reply: FastifyReply, password: string) => Promise<FastifyReply>) =>
    app.post(path, { config: { rateLimit: TWO_STEP_RATE } }, async (request, reply) => {
      if (!(await kit.requireMe(request, reply))) return reply;
      const lang = await kit.language(request);
      try {
        return await run(request, reply, formText(request.body, 'password').slice(0, 1024));
      } catch (error) {
        if (isError(error, 'INVALID_CREDENTIALS', 'VALIDATION')) return accountPage(request, reply, { status: 400, passwordError: { form, text: portalText(lang, 'account.twoStep.passwordWrong') } });
        if (isError(error, 'RATE_LIMITED')) return accountPage(request, reply, { status: 429, passwordError: { form, text: kit.errorText(lang, error) } });
        if (isError(error, 'CONFLICT')) return reply.redirect('/account/two-step', 303);
        throw error;
      }
    });

  withPassword('/account/two-step/disable', 'disable', async (request, reply, password) => {
    await kit.call(request, 'portal-two-step:disable', { password });
    return reply.redirect('/account/two-step?notice=off', 303);
  });

  withPassword('/account/two-step/recovery-codes', 'renew', async (request, reply, password) => {
    const { recoveryCodes } = await kit.call(request, 'portal-two-step:new-recovery-codes', { password });
    return recoveryCodesPage(request, reply, recoveryCodes);
  });
}
