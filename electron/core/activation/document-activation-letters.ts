import { storeActivationLetter } from '../documents/letter-document';
import type { SecretBox } from '../outbox/secret-box';
import { startMailRun } from '../templates/mail-run';
import type { ActivationLetters } from './activation-ports';
import { recipientOf } from './recipient';

/** The activation letters port on documents: each letter a document row (its data encrypted), in the language its mail has. */
export function documentActivationLetters(box: SecretBox): ActivationLetters {
  return {
    async begin(trx) {
      const run = await startMailRun(trx);
      return {
        async store({ issued, to, staffId }, now) {
          const { language } = recipientOf(to, run.defaultLanguage);
          await storeActivationLetter(trx, box, run, { accountId: issued.accountId, to, language, code: issued.code, expiresAt: issued.expiresAt, staffId }, now);
        },
      };
    },
  };
}
