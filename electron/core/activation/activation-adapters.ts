import type { SecretBox } from '../outbox/secret-box';
import { documentActivationLetters } from './document-activation-letters';
import type { ActivationPorts } from './activation-ports';
import { outboxAccountMails } from './outbox-account-mails';

/** The real activation ports: mails through the outbox, letters as documents, secrets encrypted with the box. */
export function activationPorts(box: SecretBox): ActivationPorts {
  return { accountMails: outboxAccountMails(box), activationLetters: documentActivationLetters(box) };
}
