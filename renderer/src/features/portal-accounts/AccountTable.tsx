import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountColumn, PortalAccountRow } from '../../../../shared/api/portal-accounts';
import { SortHeader, TableMessage } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../i18n/format';
import { COLUMN_WIDTH_REM, SORT_OF, type CellText } from './AccountCells';
import { AccountMenu } from './AccountMenu';
import { AccountRow, type RowEventHandler } from './AccountRow';
import type { AccountAction } from './account-menu';
import { useAccountListStore } from './account-list-store';
import { accountFilterOf, type AccountTarget } from './account-target';
import { ACCOUNT_PAGE_SIZE, useAccountPages, type AccountListFilter } from './portal-account-queries';
import { useFillWindow } from './use-fill-window';
import { useGridSelection, type Picked } from './use-grid-selection';
import { useRowWindow } from './use-row-window';

/** Every row is exactly this high (two short lines: the activation cell shows its expiry under the date); CSS keeps it so. */
export const ROW_HEIGHT = 56;
const OVERSCAN = 8;

interface AccountTableProps {
  filter: AccountListFilter;
  columns: readonly AccountColumn[];
  mayGrant: boolean;
  onAction: (action: AccountAction, target: AccountTarget) => void;
}

interface Menu {
  x: number;
  y: number;
  target: AccountTarget;
}

/**
 * The account list: a virtualised table (only the rows in view are in the DOM) over
 * pages of 100 fetched as they scroll into view, so 100,000 accounts scroll as smoothly
 * as 100. Multi-select with Ctrl/Shift (use-grid-selection), full keyboard use, and a
 * context menu (AccountMenu). Ctrl+A over rows not loaded selects them by the list's
 * filter, which the bulk actions send instead of ids.
 */
export function AccountTable({ filter, columns, mayGrant, onAction }: AccountTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useMemo<CellText>(() => ({ t, format }), [t, format]);
  const store = useAccountListStore();
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLTableSectionElement>(null);
  const baseId = useId();
  const [menu, setMenu] = useState<Menu | null>(null);

  // The total of the list as last known: a new filter keeps showing it until its first page answers, instead of "0 accounts".
  const [knownTotal, setKnownTotal] = useState(0);
  const [pages, setPages] = useState<readonly number[]>([0]);
  const [exactTotal, setExactTotal] = useState(false);
  const { byPage, first } = useAccountPages(exactTotal ? { ...filter, exactTotal } : filter, pages);
  const totalExact = first?.data?.totalExact ?? true;
  const total = first?.data?.total ?? knownTotal;
  if (first?.data && first.data.total !== knownTotal) setKnownTotal(first.data.total);
  const view = useRowWindow(scrollRef, headerRef, total, ROW_HEIGHT, OVERSCAN);
  // The keyboard hint below the list and the page's bottom padding stay in view.
  useFillWindow(scrollRef, 56);
  const wantedPages = view.last < view.first ? [0] : [...new Set([Math.floor(view.first / ACCOUNT_PAGE_SIZE), Math.floor(view.last / ACCOUNT_PAGE_SIZE)])];
  if (wantedPages.join() !== pages.join()) setPages(wantedPages);

  const rowAt = (index: number): PortalAccountRow | undefined =>
    byPage.get(Math.floor(index / ACCOUNT_PAGE_SIZE))?.data?.rows[index % ACCOUNT_PAGE_SIZE];
  const loadedRows = function* () {
    for (const page of byPage.values()) yield* page?.data?.rows ?? [];
  };

  // A new filter is a new list: selection, focus and scroll start over (the table is not remounted, so nothing flashes).
  const filterKey = JSON.stringify(filter);
  const grid = useGridSelection({
    total,
    rowAt,
    loadedRows,
    listKey: filterKey,
    pageRows: view.pageRows,
    reveal: view.reveal,
    // "N selected" should be a number, not "more than 10,000".
    onSelectEvery: () => setExactTotal(true),
    settled: [...byPage.values()].every((page) => page !== undefined && !page.isFetching),
  });
  const [shownFilter, setShownFilter] = useState(filterKey);
  if (filterKey !== shownFilter) {
    setShownFilter(filterKey);
    setMenu(null);
    setExactTotal(false);
  }
  const { toTop } = view;
  useEffect(() => toTop(), [filterKey, toTop]);

  const targetOf = (picked: Picked<PortalAccountRow>): AccountTarget =>
    picked.kind === 'rows' ? picked : { kind: 'matching', filter: accountFilterOf(filter), exceptIds: picked.exceptIds, count: picked.count };

  /** An action over the whole list ends that selection: what the list shows next is not what was chosen. */
  const act = (action: AccountAction, target: AccountTarget) => {
    if (target.kind === 'matching' && action !== 'open') grid.clear();
    onAction(action, target);
  };

  const openMenuAt = (index: number, x: number, y: number, select = false) => {
    const picked = grid.pickAt(index, { select });
    if (picked) setMenu({ x, y, target: targetOf(picked) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (menu || grid.onSelectionKey(event)) return;
    const index = grid.focusIndex;
    const row = rowAt(index);
    if (event.key === 'Enter' && row) {
      event.preventDefault();
      onAction('open', { kind: 'rows', rows: [row] });
    } else if (event.key === 'Delete' && row && mayGrant) {
      event.preventDefault();
      const picked = grid.pickAt(index);
      if (picked) act('delete', targetOf(picked));
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      const rect = document.getElementById(`${baseId}-row-${index}`)?.getBoundingClientRect();
      openMenuAt(index, rect ? rect.left + 24 : 24, rect ? rect.bottom : 24);
    }
  };

  const onRowClick = (event: MouseEvent, index: number) => {
    grid.onRowClick(event, index);
    scrollRef.current?.focus({ preventScroll: true });
  };

  const onRowContextMenu = (event: MouseEvent, index: number) => {
    event.preventDefault();
    grid.setFocus(index);
    openMenuAt(index, event.clientX, event.clientY, true);
  };

  // Rows are memoised, so they get one handler that never changes and always acts on the latest state.
  const latest = useRef({ onRowClick, onRowContextMenu, rowAt, onAction });
  useLayoutEffect(() => {
    latest.current = { onRowClick, onRowContextMenu, rowAt, onAction };
  });
  const onRowEvent = useCallback<RowEventHandler>((kind, event, index) => {
    const now = latest.current;
    if (kind === 'click') now.onRowClick(event, index);
    else if (kind === 'menu') now.onRowContextMenu(event, index);
    else {
      const row = now.rowAt(index);
      if (row) now.onAction('open', { kind: 'rows', rows: [row] });
    }
  }, []);

  const header = (column: AccountColumn) => {
    const sort = SORT_OF[column];
    const label = t(`portalAccounts.columns.${column}`);
    return sort ? (
      <SortHeader key={column} field={sort} label={label} sort={store.sort} direction={store.direction} onSort={store.toggleSort} />
    ) : (
      <th key={column} scope="col">
        {label}
      </th>
    );
  };

  const focusIndex = grid.focusIndex;
  return (
    <>
      <ErrorAlert error={first?.error} />
      <p className="list-summary" aria-live="polite">
        {totalExact ? t('portalAccounts.count', { count: total, total: format.number(total) }) : t('portalAccounts.countAtLeast', { total: format.number(total) })}
        {grid.count > 0 ? ` · ${t('portalAccounts.selected', { count: grid.count, shown: format.number(grid.count) })}` : ''}
      </p>
      {totalExact ? null : (
        <p className="notice">
          {t('portalAccounts.countAllHint', { total: format.number(total) })}{' '}
          <button type="button" className="button button--small" onClick={() => setExactTotal(true)}>
            {t('portalAccounts.countAll')}
          </button>
        </p>
      )}
      <div
        ref={scrollRef}
        className="table-wrap table-wrap--scroll"
        tabIndex={0}
        // A group, not a region: the focus stays here and moves through the rows with
        // aria-activedescendant, which ARIA allows on a group but not on a region.
        role="group"
        aria-label={t('portalAccounts.title')}
        aria-describedby={`${baseId}-help`}
        aria-activedescendant={total > 0 ? `${baseId}-row-${focusIndex}` : undefined}
        onKeyDown={onKeyDown}
      >
        <table
          className="table table--grid"
          role="grid"
          aria-rowcount={total + 1}
          aria-multiselectable="true"
          aria-busy={first?.isPlaceholderData === true}
          style={{ minWidth: `${columns.reduce((sum, column) => sum + COLUMN_WIDTH_REM[column], 0)}rem` }}
        >
          <colgroup>
            {columns.map((column) => (
              <col key={column} style={{ width: `${COLUMN_WIDTH_REM[column]}rem` }} />
            ))}
          </colgroup>
          <thead ref={headerRef}>
            <tr aria-rowindex={1}>{columns.map(header)}</tr>
          </thead>
          <tbody>
            {first?.isPending ? <TableMessage colSpan={columns.length}>{t('app.loading')}</TableMessage> : null}
            {first?.isSuccess && total === 0 ? <TableMessage colSpan={columns.length}>{t('portalAccounts.empty')}</TableMessage> : null}
            {view.padTop > 0 ? <tr aria-hidden="true" className="grid-spacer" style={{ height: view.padTop }} /> : null}
            {Array.from({ length: Math.max(0, view.last - view.first + 1) }, (_, i) => {
              const index = view.first + i;
              const row = rowAt(index);
              return (
                <AccountRow
                  key={index}
                  index={index}
                  domId={`${baseId}-row-${index}`}
                  row={row}
                  columns={columns}
                  selected={row ? grid.isSelected(row.id) : false}
                  focused={index === focusIndex}
                  height={ROW_HEIGHT}
                  text={text}
                  onRowEvent={onRowEvent}
                />
              );
            })}
            {view.padBottom > 0 ? <tr aria-hidden="true" className="grid-spacer" style={{ height: view.padBottom }} /> : null}
          </tbody>
        </table>
      </div>
      <p id={`${baseId}-help`} className="field-hint">
        {t('portalAccounts.keyboardHelp')}
      </p>
      {menu ? <AccountMenu x={menu.x} y={menu.y} target={menu.target} mayGrant={mayGrant} onAction={act} onClose={() => setMenu(null)} /> : null}
    </>
  );
}
