import type { activationApi } from '../../../shared/api/activation';
import { actorOf, type Handlers } from '../context';
import { activationSkip, sendActivations } from './activation-service';
import { storeActivationLetter } from '../documents/letter-document';
import { queueAccountMail, recipient } from './account-mails';
import { issueSetPasswordLink, setPasswordByStaff } from './password-reset-service';

export const activationHandlers: Handlers<keyof typeof activationApi> = {
  'portal-accounts:preview-activation': async (input, { deps }) => {
    const preview = [];
    for (const accountId of [...new Set(input.ids)]) {
      const skipped = await activationSkip(deps.db, accountId);
      if (skipped === 'skipped_missing') {
        preview.push({ accountId, username: '', language: 'en' as const, outcome: skipped });
        continue;
      }
      const to = await recipient(deps.db, accountId);
      preview.push({ accountId, username: to.to, language: to.language, outcome: skipped ?? ('sent' as const) });
    }
    return preview;
  },
  'portal-accounts:send-activation': (input, ctx) =>
    sendActivations(ctx.deps, ctx.deps.codeKey, actorOf(ctx), input.ids, async (trx, issued) => {
      const now = ctx.deps.clock();
      await queueAccountMail(trx, ctx.deps.secretBox, now, 'activation', issued.accountId, { path: 'activate', token: issued.token, expiresAt: issued.expiresAt });
      await storeActivationLetter(trx, ctx.deps.secretBox, issued, ctx.actor?.id ?? null, now);
    }),
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
