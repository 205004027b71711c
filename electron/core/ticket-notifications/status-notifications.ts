import type { AccountMails, TicketStatusChange } from '../activation/activation-ports';
import { findAccountContact } from '../activation/activation-repository';
import { currentAuditAccount } from '../audit/audit-origin';
import type { Executor } from '../db/connection';
import { explain, type TicketScope } from '../ticket-access/ticket-access';
import { readTicketFacts } from '../ticket-access/ticket-access-repository';
import { loadScope } from '../ticket-access/ticket-view-service';
import { linkedOrganisations, statusFollowers } from './status-follower-repository';

/** One ticket whose status a change moved (before and after), as the change's transaction knows it. */
export interface StatusChangeOfTicket extends TicketStatusChange {
  ticketId: number;
}

/**
 * Queues the status-change mail of each changed ticket to the accounts that follow it (created
 * it in the portal, or are linked to its contact person), once per account and ticket, in the
 * change's transaction (the outbox sends after commit). Left out: accounts that opted out, the
 * account that made the change itself, and every account that can no longer see the ticket
 * through any of its organisation links (THE access function's explain, on the ticket as the
 * change left it: a ticket moved to another customer mails nobody of the old one).
 */
export async function queueStatusMails(trx: Executor, mails: AccountMails, changes: readonly StatusChangeOfTicket[], now: Date): Promise<number> {
  const moved = changes.filter((c) => c.from !== c.to);
  if (moved.length === 0) return 0;
  const actor = currentAuditAccount();
  const followers = new Map<number, Set<number>>();
  for (const f of await statusFollowers(trx, moved.map((c) => c.ticketId))) {
    if (f.accountId === actor) continue;
    let accounts = followers.get(f.ticketId);
    if (!accounts) followers.set(f.ticketId, (accounts = new Set()));
    accounts.add(f.accountId);
  }
  if (followers.size === 0) return 0;
  const scopes = new Map<number, TicketScope[]>();
  const scopesOf = async (accountId: number) => {
    let known = scopes.get(accountId);
    if (!known) {
      known = [];
      for (const organisationId of await linkedOrganisations(trx, accountId)) known.push((await loadScope(trx, { accountId, organisationId }, now)).scope);
      scopes.set(accountId, known);
    }
    return known;
  };
  const queue = await mails.begin(trx);
  let queued = 0;
  for (const change of moved) {
    const accounts = followers.get(change.ticketId);
    if (!accounts) continue;
    const facts = await readTicketFacts(trx, change.number);
    if (!facts) continue;
    for (const accountId of accounts) {
      if (!(await scopesOf(accountId)).some((scope) => explain(scope, facts).visible)) continue;
      const to = await findAccountContact(trx, accountId);
      if (!to) continue;
      await queue.queue({ type: 'ticket-status', to, ticket: { number: change.number, title: change.title, from: change.from, to: change.to } }, now);
      queued += 1;
    }
  }
  return queued;
}
