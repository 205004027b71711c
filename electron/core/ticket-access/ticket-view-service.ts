import type { ParsedInputOf } from '../../../shared/api';
import type { AccessExplanation, ContactTicketRow, ViewAsTicketRow, ViewContact, ViewedContact } from '../../../shared/api/ticket-view';
import { AppError } from '../../../shared/errors';
import { recordAudit } from '../audit/audit-log';
import { isoNow } from '../clock';
import { actorOf, type CoreDeps, type HandlerContext } from '../context';
import type { Executor } from '../db/connection';
import { readThrough } from '../db/read-cache';
import { personDisplayName } from '../contacts/person-name';
import type { PortalAccountPrincipal, StaffViewingAsPrincipal } from '../principal';
import { buildScope, explain, writableFor, type TicketScope } from './ticket-access';
import { listContactTickets, readContactNames, readContactRecord, readPortalContactRecord, readRightFacts, readTicketFacts, type ContactRecord, type ContactTicketQuery } from './ticket-access-repository';
import { readTicketAccessSettings } from './ticket-access-settings';
import { toContactTicketRow } from './contact-ticket-fields';

/*
 * "View tickets as this contact" (issue 11, point 6): every call runs as a staff-viewing-as
 * principal, read-only, and sees exactly what the contact sees: the scope comes from the one
 * access function and the rows through the one field whitelist. Opening the view is audited by
 * ticket-view:open (once per opening, whatever the paging); list and explain write nothing.
 */

/** The contact's scope, from the facts the database holds now (or the contact's record read moments ago in the same call); NOT_FOUND for an unknown person or account. */
export async function loadScope(db: Executor, contact: ViewContact, now: Date, known?: ContactRecord): Promise<{ record: ContactRecord; scope: TicketScope }> {
  const record = known ?? (await readContactRecord(db, contact, now));
  if (!record) throw new AppError('NOT_FOUND', 'There is no such contact.', { fields: { contact: { code: 'not_found' } } });
  const rights = record.holder ? await readRightFacts(db, record.holder) : [];
  const settings = await readTicketAccessSettings(db);
  return { record, scope: buildScope({ contact: record.contact, organisationId: record.organisationId, account: record.account, rights, settings }) };
}

/** The principal a view call runs as: the signed-in staff user looking through the contact's eyes, read-only. */
export async function viewingAs(ctx: HandlerContext, contact: ViewContact): Promise<StaffViewingAsPrincipal> {
  actorOf(ctx);
  const staff = ctx.principal;
  if (staff?.kind !== 'staff') throw new AppError('FORBIDDEN', 'Only staff may do this.');
  // Each page of the view asks again: answered again until the database changes (read-cache.ts).
  const record = await readThrough(ctx.deps, `contact-record:${JSON.stringify(contact)}`, () => readContactRecord(ctx.deps.db, contact, ctx.deps.clock()));
  if (!record) throw new AppError('NOT_FOUND', 'There is no such contact.', { fields: { contact: { code: 'not_found' } } });
  const viewer: StaffViewingAsPrincipal = {
    kind: 'staff-viewing-as',
    staff,
    accountId: record.contact.kind === 'account' ? record.contact.accountId : null,
    organisationId: record.organisationId,
    personId: record.contact.personId,
  };
  recordOfViewer.set(viewer, record);
  return viewer;
}

/**
 * The record viewingAs read for a principal it made: a principal lives for one call, so the call
 * reads the contact once (viewingAs, then the scope) and both see the same facts.
 */
const recordOfViewer = new WeakMap<StaffViewingAsPrincipal, ContactRecord>();

/** The scope of the contact the viewer looks through, from the record viewingAs read for this call. */
function scopeOfViewer(deps: CoreDeps, viewer: StaffViewingAsPrincipal): Promise<{ record: ContactRecord; scope: TicketScope }> {
  const contact = contactOf(viewer);
  return readThrough(deps, `contact-scope:${JSON.stringify(contact)}`, () => loadScope(deps.db, contact, deps.clock(), recordOfViewer.get(viewer)));
}

/** The contact a portal account (the portal, next issue) or staff viewing as a contact looks through: loadScope's input. */
export function contactOf(principal: StaffViewingAsPrincipal | PortalAccountPrincipal): ViewContact {
  if (principal.kind === 'portal-account') return { accountId: principal.accountId, organisationId: principal.organisationId };
  if (principal.accountId !== null) return { accountId: principal.accountId, ...(principal.organisationId !== null ? { organisationId: principal.organisationId } : {}) };
  return { personId: principal.personId ?? 0 };
}

/**
 * The scope of the contact a signed-in portal account acts as (its session's organisation and
 * person), read in the caller's transaction when it writes; NOT_FOUND when the account is gone.
 */
export async function portalScope(db: Executor, principal: PortalAccountPrincipal, now: Date): Promise<{ record: ContactRecord; scope: TicketScope }> {
  const record = await readPortalContactRecord(db, principal, now);
  if (!record) throw new AppError('NOT_FOUND', 'There is no such contact.');
  return loadScope(db, contactOf(principal), now, record);
}

/** Opens the view: whom it shows (for the banner), audited once per opening. */
export async function openTicketView(deps: CoreDeps, viewer: StaffViewingAsPrincipal): Promise<ViewedContact> {
  const { record, scope } = await scopeOfViewer(deps, viewer);
  const names = await readContactNames(deps.db, record);
  await deps.db.transaction().execute(async (trx) => {
    await recordAudit(trx, {
      at: isoNow(deps.clock),
      staffId: viewer.staff.staffId,
      entity: record.contact.kind === 'account' ? 'portal-account' : 'person',
      entityId: record.contact.kind === 'account' ? record.contact.accountId : record.contact.personId,
      action: 'tickets-viewed-as',
      after: record.organisationId !== null ? { organisationId: record.organisationId } : null,
    });
  });
  const personName = names.person ? personDisplayName(names.person.first, names.person.last) : null;
  return {
    kind: record.contact.kind,
    accountId: record.contact.kind === 'account' ? record.contact.accountId : null,
    personId: record.contact.personId,
    organisationId: record.organisationId,
    name: personName ?? names.username ?? '',
    organisationName: names.organisation,
    allowed: scope.blocked.length === 0,
    reasons: scope.blocked,
  };
}

/**
 * One page of a contact's tickets: THE list of every contact view. "View as contact" and the
 * portal both call it with the contact's scope, so both show the same tickets in the same order,
 * each row through the one field whitelist (with the ticket's id beside it, for staff only).
 */
export async function contactTicketPage(db: Executor, scope: TicketScope, query: ContactTicketQuery): Promise<{ rows: { id: number; row: ContactTicketRow }[]; total: number }> {
  const { rows, total } = await listContactTickets(db, scope, query);
  return { rows: rows.map((view) => ({ id: view.id, row: toContactTicketRow(view, writableFor(scope, view.project_id, view.task_id)) })), total };
}

export async function listTicketsAs(deps: CoreDeps, viewer: StaffViewingAsPrincipal, query: ParsedInputOf<'ticket-view:list'>): Promise<{ rows: ViewAsTicketRow[]; total: number }> {
  const { scope } = await scopeOfViewer(deps, viewer);
  const { rows, total } = await contactTicketPage(deps.db, scope, query);
  // The view is staff-only: its rows carry the ticket's id for staff's bulk actions; the contact's whitelist does not.
  return { rows: rows.map(({ id, row }) => ({ ...row, id })), total };
}

/** "Why (not)?" for one ticket by its number. */
export async function explainTicketAs(deps: CoreDeps, viewer: StaffViewingAsPrincipal, number: number): Promise<AccessExplanation> {
  const { scope } = await scopeOfViewer(deps, viewer);
  const ticket = await readTicketFacts(deps.db, number);
  if (!ticket) throw new AppError('NOT_FOUND', `There is no ticket T-${number}.`, { fields: { number: { code: 'not_found' } } });
  return explain(scope, ticket);
}
