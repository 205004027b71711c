import type { z } from 'zod';
import type { TicketFilter, ViewAsTarget } from '../../../../../shared/api/ticket-bulk';

/** Rows a report lists; a bigger report shows the rest in its totals (10,000 table rows would stall the window). */
export const REPORT_ROWS = 200;

/** Which tickets a bulk action takes: chosen ids, everything the staff list's filter shows, or everything the view-as list shows. */
export type BulkTarget =
  | { kind: 'ids'; ids: readonly number[] }
  | { kind: 'filter'; filter: TicketFilter; count: number }
  | { kind: 'view-as'; viewAs: z.input<typeof ViewAsTarget>; count: number };

/** The contract's target fields for a target. */
export function targetInput(target: BulkTarget) {
  switch (target.kind) {
    case 'ids':
      return { ticketIds: [...target.ids] };
    case 'filter':
      return { filter: target.filter, exceptIds: [] };
    case 'view-as':
      return { viewAs: target.viewAs, exceptIds: [] };
  }
}
