import type { PortalParsedInputOf } from '../../../shared/portal-api';
import { AppError } from '../../../shared/errors';
import { searchKey } from '../../../shared/text-key';
import { recordAudit } from '../audit/audit-log';
import { personDisplayName } from '../contacts/person-name';
import type { CoreDeps } from '../context';
import type { PortalAccountPrincipal } from '../principal';
import { explain } from '../ticket-access/ticket-access';
import { readTaskFacts } from '../ticket-access/ticket-access-repository';
import { portalScope } from '../ticket-access/ticket-view-service';
import { queueStatusMails } from '../ticket-notifications/status-notifications';
import { insertComment } from '../tickets/ticket-part-repository';
import { insertTicket, nextTicketNumber, updateTicketRow } from '../tickets/ticket-repository';
import { requireTicketRow, ticketAuditView, ticketLabel } from '../tickets/ticket-service';
import { readOnly, requirePermission, writableTicket } from './portal-ticket-access';
import { accountAuthorNames } from './portal-ticket-repository';

/*
 * The customer's writes. Each one runs in one transaction that first asks THE access function
 * (explain's `writable`: visible, a right that is not read-only, the global read-only setting
 * off) on the facts as they are inside it, and the account's permission; the pages only hide
 * what this refuses. Audited with the portal account as actor (the dispatcher's audit origin).
 */

/** A task the contact may not see answers like one that does not exist: nothing tells another customer's tasks apart. */
const noSuchTask = () => new AppError('NOT_FOUND', 'There is no such task.', { fields: { taskId: { code: 'not_found' } } });

/** A new ticket (never a sub-ticket) on a task the contact holds a writable right on; its contact is the account's person. */
export async function createPortalTicket(deps: CoreDeps, principal: PortalAccountPrincipal, input: PortalParsedInputOf<'portal-tickets:create'>): Promise<{ number: number }> {
  const now = deps.clock();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await requirePermission(trx, principal.accountId, 'tickets.create');
    const { scope } = await portalScope(trx, principal, now);
    const facts = await readTaskFacts(trx, input.projectId, input.taskId);
    const verdict = facts ? explain(scope, facts) : null;
    if (!facts || !verdict?.visible) throw noSuchTask();
    if (!verdict.writable) throw readOnly();
    if (facts.projectArchived || facts.taskArchived) throw new AppError('VALIDATION', 'This task takes no new tickets.', { fields: { taskId: { code: 'invalid_value' } } });
    const number = await nextTicketNumber(trx);
    const id = await insertTicket(trx, {
      number,
      title: input.title,
      title_key: searchKey(input.title),
      description: input.description,
      status: 'new',
      priority: input.priority,
      project_id: input.projectId,
      task_id: input.taskId,
      assignee_staff_id: null,
      contact_person_id: principal.personId,
      created_by_staff_id: null,
      created_by_account_id: principal.accountId,
      created_at: at,
      updated_at: at,
    });
    const row = await requireTicketRow(trx, id);
    await recordAudit(trx, { at, staffId: null, entity: 'ticket', entityId: id, action: 'created', label: ticketLabel(row), after: await ticketAuditView(trx, row) });
    return { number };
  });
}

/** A public comment by the customer (there is no way to write an internal one from here). */
export async function commentAsCustomer(deps: CoreDeps, principal: PortalAccountPrincipal, input: { number: number; body: string }) {
  const now = deps.clock();
  const at = now.toISOString();
  const comment = await deps.db.transaction().execute(async (trx) => {
    await requirePermission(trx, principal.accountId, 'tickets.comment');
    const { id } = await writableTicket(trx, principal, input.number, now);
    const row = await requireTicketRow(trx, id);
    const added = await insertComment(trx, { ticket_id: id, body: input.body, internal: 0, author_staff_id: null, author_account_id: principal.accountId, created_at: at });
    await updateTicketRow(trx, id, { updated_at: at });
    await recordAudit(trx, { at, staffId: null, entity: 'ticket', entityId: id, action: 'commented', label: ticketLabel(row), after: { body: input.body, internal: false } });
    return added;
  });
  const [author] = await accountAuthorNames(deps.db, [principal.accountId]);
  const authorName = author ? (author.nickname ?? personDisplayName(author.first_name, author.last_name) ?? author.username) : null;
  return { id: comment.id, body: comment.body, authorName, createdAt: comment.createdAt };
}

/**
 * Accepts or rejects the result of a done ticket: the status moves (accepted / rejected), a
 * rejection's reason becomes a public comment, the act is audited, and the ticket's other
 * followers get the status-change mail, all in one transaction. A ticket that is not done
 * (any more) is refused with CONFLICT: two customers answering at once get one answer through.
 */
export async function answerDoneTicket(deps: CoreDeps, principal: PortalAccountPrincipal, input: { number: number; answer: 'accepted' | 'rejected'; reason?: string }): Promise<null> {
  const now = deps.clock();
  const at = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await requirePermission(trx, principal.accountId, 'tickets.accept_reject');
    const { id } = await writableTicket(trx, principal, input.number, now);
    const row = await requireTicketRow(trx, id);
    if (row.status !== 'done') throw new AppError('CONFLICT', 'Only a done ticket can be accepted or rejected.', { fields: { number: { code: 'invalid_value' } }, params: { status: row.status } });
    await updateTicketRow(trx, id, { status: input.answer, updated_at: at });
    if (input.reason !== undefined) await insertComment(trx, { ticket_id: id, body: input.reason, internal: 0, author_staff_id: null, author_account_id: principal.accountId, created_at: at });
    await recordAudit(trx, {
      at,
      staffId: null,
      entity: 'ticket',
      entityId: id,
      action: input.answer,
      label: ticketLabel(row),
      before: { status: row.status },
      after: input.reason !== undefined ? { status: input.answer, reason: input.reason } : { status: input.answer },
    });
    await queueStatusMails(trx, deps.accountMails, [{ ticketId: id, number: row.number, title: row.title, from: row.status, to: input.answer }], now);
  });
  return null;
}
