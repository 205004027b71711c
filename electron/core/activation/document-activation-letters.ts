import { storeActivationLetters } from '../documents/letter-document';
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
        async storeMany(letters, now) {
          const rows = letters.map(({ issued, to, staffId }) => {
            const { language } = recipientOf(to, run.defaultLanguage);
            return { accountId: issued.accountId, to, language, code: issued.code, expiresAt: issued.expiresAt, staffId };
          });
          await storeActivationLetters(trx, box, run, rows, now);
        },
      };
    },
  };
}
