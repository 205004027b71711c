import { MAX_ACTIVATION_MATCHING, type activationApi } from '../../../shared/api/activation';
import { actorOf, type Handlers } from '../context';
import { sendActivations, skipReason } from './activation-service';
import { readSettings } from '../settings/settings-service';
import { storeActivationLetter } from '../documents/letter-document';
import { findAccountContact, queueAccountMail, queueMailTo, recipientOf, startMailRun, type MailRun } from './account-mails';
import { issueSetPasswordLink, setPasswordByStaff } from './password-reset-service';
import { matchingAccountIds } from '../portal-accounts/account-selection';

export const activationHandlers: Handlers<keyof typeof activationApi> = {
  'portal-accounts:preview-activation': async (input, { deps }) => {
    const { defaultLanguage } = await readSettings(deps.db);
    const preview = [];
    for (const accountId of [...new Set(input.ids)]) {
      const account = await findAccountContact(deps.db, accountId);
      const skipped = skipReason(account);
      if (!account) {
        preview.push({ accountId, username: '', language: 'en' as const, outcome: 'skipped_missing' as const });
        continue;
      }
      const to = recipientOf(account, defaultLanguage);
      preview.push({ accountId, username: to.to, language: to.language, outcome: skipped ?? ('sent' as const) });
    }
    return preview;
  },
  // The same preview, for the accounts the list shows, resolved in the core.
  'portal-accounts:preview-activation-matching': async (input, ctx) =>
    activationHandlers['portal-accounts:preview-activation']({ ids: await matchingAccountIds(ctx.deps, input, MAX_ACTIVATION_MATCHING) }, ctx),
  'portal-accounts:send-activation': (input, ctx) => {
    // Settings and templates are read once for all accounts of the call.
    let run: MailRun | null = null;
    return sendActivations(ctx.deps, ctx.deps.codeKey, actorOf(ctx), input.ids, async (trx, issued, account) => {
      run ??= await startMailRun(trx);
      const now = ctx.deps.clock();
      const to = recipientOf(account, run.defaultLanguage);
      await queueMailTo(trx, ctx.deps.secretBox, now, 'activation', to, run, { path: 'activate', token: issued.token, expiresAt: issued.expiresAt });
      await storeActivationLetter(trx, ctx.deps.secretBox, issued, ctx.actor?.id ?? null, now, account, run);
    });
  },
  'portal-accounts:send-set-password-link': (input, ctx) =>
    ctx.deps.db.transaction().execute(async (trx) => {
      const now = ctx.deps.clock();
      const link = await issueSetPasswordLink(trx, actorOf(ctx), input.id, now);
      await queueAccountMail(trx, ctx.deps.secretBox, now, 'set-password', input.id, { path: 'set-password', token: link.token, expiresAt: link.expiresAt });
      return { expiresAt: link.expiresAt };
    }),
  'portal-accounts:set-password': async (input, ctx) => {
    await setPasswordByStaff(ctx.deps, actorOf(ctx), input.id, input.password, (trx, accountId) =>
      queueAccountMail(trx, ctx.deps.secretBox, ctx.deps.clock(), 'password-changed', accountId).then(() => undefined),
    );
    return null;
  },
};
