import { TICKET_STATUS_LABELS } from '../../../shared/ticket-labels';
import { formatTicketNumber } from '../../../shared/ticket-number';
import { SECRET_MARKER, type QueuedMail } from '../outbox/outbox-port';
import { outboxQueue, outboxQueueMany } from '../outbox/outbox-queue';
import type { SecretBox } from '../outbox/secret-box';
import { requirePortalUrl } from '../settings/activation-settings';
import { formatExpiry } from '../templates/expiry-format';
import { startMailRun, type MailRun } from '../templates/mail-run';
import { renderMail } from '../templates/render-mail';
import type { MailVariables } from '../templates/template-port';
import type { AccountMail, AccountMails } from './activation-ports';
import { recipientOf } from './recipient';

/** The portal page each link opens. */
const LINK_PATHS = { activation: 'activate', 'set-password': 'set-password' } as const;

/**
 * The account mails port on the outbox: renders each mail from its template in the
 * recipient's language and queues it in the action's transaction. A link carries
 * SECRET_MARKER in place of the token, which the outbox keeps encrypted beside the mail.
 */
export function outboxAccountMails(box: SecretBox): AccountMails {
  const queueMail = outboxQueue(box);
  const queueMails = outboxQueueMany(box);
  return {
    async begin(trx) {
      const run = await startMailRun(trx);
      return {
        async queue(mail, now) {
          await queueMail(trx, await rendered(run, mail), now);
        },
        async queueMany(mails, now) {
          const queued: QueuedMail[] = [];
          for (const mail of mails) queued.push(await rendered(run, mail));
          await queueMails(trx, queued, now);
        },
      };
    },
  };
}

/** The mail as the outbox takes it: rendered from its template in the recipient's language, a link's token kept apart. */
async function rendered(run: MailRun, mail: AccountMail): Promise<QueuedMail> {
  const to = recipientOf(mail.to, run.defaultLanguage);
  const variables: MailVariables = { username: to.to, name: to.name, organisation: to.organisation, portalUrl: run.portalUrl, companyName: run.settings.companyName };
  let secret: { value: string; expiresAt: string } | undefined;
  if ('link' in mail) {
    // Every link needs the portal's address; the services check first, this stops any other.
    requirePortalUrl(run.settings);
    variables.link = `${run.portalUrl}${LINK_PATHS[mail.type]}?token=${SECRET_MARKER}`;
    variables.expiresAt = formatExpiry(mail.link.expiresAt, to.language, run.timeZone);
    secret = { value: mail.link.token, expiresAt: mail.link.expiresAt };
  }
  if (mail.type === 'ticket-status') {
    // No secret in this link: the ticket page asks for a sign-in like any other.
    variables.link = `${run.portalUrl}tickets/${mail.ticket.number}`;
    const labels = TICKET_STATUS_LABELS[to.language];
    variables.ticket = { number: formatTicketNumber(mail.ticket.number), title: mail.ticket.title, oldStatus: labels[mail.ticket.from], newStatus: labels[mail.ticket.to] };
  }
  const body = renderMail(mail.type, to.language, variables, await run.template(mail.type, to.language));
  return { kind: mail.type, to: to.to, ...body, accountId: to.accountId, secret };
}
