import type { ViewContact } from '../../../shared/api/ticket-view';
import type { TicketStatus } from '../../../shared/api/tickets';
import { exportJson, neutraliseCell } from '../../../shared/export-cell';
import type { CommandLine } from '../../core/portier-core';
import { ACCESS_CHECK_TEXT, ACCESS_REASON_TEXT } from '../access-reason-text';
import { UsageError } from '../cli-errors';
import { accountIdByUsername, idOption } from '../contact-args';

const PAGE = 500;

/** The contact `--as EMAIL` names: the portal account with that username, on its default organisation link (or --organisation's). */
export async function viewContactOf(cli: CommandLine, username: string, organisation: string | undefined): Promise<ViewContact> {
  const accountId = await accountIdByUsername(cli, username);
  return organisation === undefined ? { accountId } : { accountId, organisationId: idOption(organisation, 'organisation', 'tickets') };
}

/**
 * `tickets list --as EMAIL`: exactly what "view tickets as this contact" shows, from the same
 * channel (ticket-view:list, so the same access function and field whitelist), every quick
 * link's tickets ("all") unless --status narrows them, most recently updated first.
 */
export async function listTicketsAs(cli: CommandLine, contact: ViewContact, filters: { projectId?: number | undefined; status?: TicketStatus[] | undefined }, json: boolean): Promise<number> {
  if (filters.status && filters.status.length > 1) throw new UsageError('With --as, --status takes one status (the view filters on one).', 'tickets');
  const status = filters.status?.[0];
  let count = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await cli.call('ticket-view:list', {
      contact,
      quickLink: 'all',
      ...(filters.projectId !== undefined ? { projectId: filters.projectId } : {}),
      ...(status !== undefined ? { status } : {}),
      sort: 'updated',
      direction: 'desc',
      offset,
      limit: PAGE,
    });
    for (const t of page.rows) {
      count += 1;
      if (json) {
        console.log(
          exportJson({
            number: t.number,
            reference: `T-${t.number}`,
            title: t.title,
            status: t.status,
            priority: t.priority,
            project: t.projectName,
            projectId: t.projectId,
            task: t.taskName,
            taskId: t.taskId,
            assignee: t.assigneeName,
            writable: t.writable,
            updatedAt: t.updatedAt,
          }),
        );
      } else {
        console.log([`T-${t.number}`, t.status.padEnd(20), t.priority.padEnd(6), t.writable ? 'rw' : 'ro', neutraliseCell(t.projectName), neutraliseCell(t.title)].join('  '));
      }
    }
    if (page.rows.length < PAGE) break;
  }
  if (!json) console.log(`${count} ticket${count === 1 ? '' : 's'} visible to the contact`);
  return count;
}

/** A ticket number as typed: 10234 or T-10234. */
export function ticketNumber(value: string | undefined): number {
  const digits = value === undefined ? undefined : /^\s*(?:T-?)?(\d{1,15})\s*$/i.exec(value)?.[1];
  if (digits === undefined || Number(digits) < 1) throw new UsageError('--ticket must be a ticket number (10234 or T-10234).', 'tickets');
  return Number(digits);
}

/** `tickets explain`: whether the contact sees and may change the ticket, and why, from the access function's explain. */
export async function explainTicketAs(cli: CommandLine, contact: ViewContact, username: string, number: number, json: boolean): Promise<void> {
  const explanation = await cli.call('ticket-view:explain', { contact, number });
  if (json) {
    console.log(exportJson({ ticket: number, reference: `T-${number}`, contact: username, ...explanation }));
    return;
  }
  console.log(`T-${number} for ${neutraliseCell(username)}: ${explanation.visible ? 'visible' : 'not visible'}, ${explanation.writable ? 'writable' : 'not writable'}.`);
  for (const reason of explanation.reasons) console.log(`  - ${ACCESS_REASON_TEXT[reason]}`);
  for (const right of explanation.rights) {
    const checks = right.checks.map((c) => `${c.passed ? 'yes' : 'NO'}: ${ACCESS_CHECK_TEXT[c.check]}`).join(', ');
    console.log(`  right ${right.rightId}: ${checks}`);
  }
}
