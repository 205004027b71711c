import type { AccountMail, IssuedActivation } from '../../electron/core/activation/activation-ports';
import type { CoreDeps } from '../../electron/core/context';

/**
 * The core's deps whose letters port also hands each issued activation (with its raw token
 * and code, as the mail and the letter carry them) to `into`, after storing the letter as usual.
 */
export function recordingIssued(deps: CoreDeps, into: IssuedActivation[]): CoreDeps {
  return {
    ...deps,
    activationLetters: {
      async begin(trx) {
        const letters = await deps.activationLetters.begin(trx);
        return {
          async storeMany(batch, now) {
            await letters.storeMany(batch, now);
            into.push(...batch.map((letter) => letter.issued));
          },
        };
      },
    },
  };
}

/** The core's deps whose mails port also hands each queued mail to `into`, after queueing it as usual. */
export function recordingMails(deps: CoreDeps, into: AccountMail[]): CoreDeps {
  return {
    ...deps,
    accountMails: {
      async begin(trx) {
        const mails = await deps.accountMails.begin(trx);
        return {
          async queue(mail, now) {
            await mails.queue(mail, now);
            into.push(mail);
          },
          async queueMany(batch, now) {
            await mails.queueMany(batch, now);
            into.push(...batch);
          },
        };
      },
    },
  };
}
