import type { AccountFilter, PortalAccountRow } from '../../../../shared/api/portal-accounts';
import type { AccountListFilter } from './portal-account-queries';

/**
 * The accounts an action is for: rows picked one by one (by id), or every account the list
 * shows but the rows unticked (by the list's filter: the core finds them, so no action ever
 * needs the ids of rows the list has not loaded).
 */
export type AccountTarget =
  | { kind: 'rows'; rows: readonly PortalAccountRow[] }
  | { kind: 'matching'; filter: AccountFilter; exceptIds: readonly number[]; count: number };

export const targetCount = (target: AccountTarget): number => (target.kind === 'rows' ? target.rows.length : target.count);

/** Which accounts the list shows: its filter without the order (and without paging, which it never has). */
export function accountFilterOf({ sort: _sort, direction: _direction, exactTotal: _exact, ...filter }: AccountListFilter): AccountFilter {
  return filter;
}
