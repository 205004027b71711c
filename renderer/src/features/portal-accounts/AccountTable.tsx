import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountColumn, PortalAccountRow } from '../../../../shared/api/portal-accounts';
import { ContextMenu } from '../../components/ContextMenu';
import { SortHeader, TableMessage } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../i18n/format';
import { COLUMN_WIDTH_REM, SORT_OF, type CellText } from './AccountCells';
import { AccountRow, type RowEventHandler } from './AccountRow';
import { accountMenuActions, type AccountAction } from './account-menu';
import { useAccountListStore } from './account-list-store';
import { ACCOUNT_PAGE_SIZE, MAX_SELECTED, fetchAllAccountRows, useAccountPages, type AccountListFilter } from './portal-account-queries';
import { EMPTY_SELECTION, moveFocus, selectAll, selectRow, toggleRow, type Selection } from './row-selection';
import { useRowWindow } from './use-row-window';

/** Every row is exactly this high (two short lines: the activation cell shows its expiry under the date); CSS keeps it so. */
export const ROW_HEIGHT = 56;
const OVERSCAN = 8;

interface AccountTableProps {
  filter: AccountListFilter;
  columns: readonly AccountColumn[];
  mayGrant: boolean;
  onAction: (action: AccountAction, rows: PortalAccountRow[]) => void;
}

interface Menu {
  x: number;
  y: number;
  rows: PortalAccountRow[];
}

/**
 * The account list: a virtualised table (only the rows in view are in the DOM) over
 * pages of 100 fetched as they scroll into view, so 100,000 accounts scroll as smoothly
 * as 100. Multi-select with Ctrl/Shift, full keyboard use, and a context menu.
 */
export function AccountTable({ filter, columns, mayGrant, onAction }: AccountTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useMemo<CellText>(() => ({ t, format }), [t, format]);
  const store = useAccountListStore();
  const scrollRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLTableSectionElement>(null);
  const baseId = useId();
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [focus, setFocus] = useState(0);
  const [menu, setMenu] = useState<Menu | null>(null);
  /** Rows Ctrl+A fetched beyond the loaded pages, so actions reach every selected account. */
  const [fetchedRows, setFetchedRows] = useState<ReadonlyMap<number, PortalAccountRow>>(new Map());
  const [selectError, setSelectError] = useState<unknown>(null);
  const selectRun = useRef(0);
  /** Any other change of the selection outdates a Ctrl+A still fetching. */
  const changeSelection: typeof setSelection = (update) => {
    selectRun.current++;
    setSelection(update);
  };

  // The total of the list as last known: a new filter keeps showing it until its first page answers, instead of "0 accounts".
  const [knownTotal, setKnownTotal] = useState(0);
  const [pages, setPages] = useState<readonly number[]>([0]);
  const [exactTotal, setExactTotal] = useState(false);
  const { byPage, first } = useAccountPages(exactTotal ? { ...filter, exactTotal } : filter, pages);
  const totalExact = first?.data?.totalExact ?? true;
  const total = first?.data?.total ?? knownTotal;
  if (first?.data && first.data.total !== knownTotal) setKnownTotal(first.data.total);
  const view = useRowWindow(scrollRef, headerRef, total, ROW_HEIGHT, OVERSCAN);
  const wantedPages = view.last < view.first ? [0] : [...new Set([Math.floor(view.first / ACCOUNT_PAGE_SIZE), Math.floor(view.last / ACCOUNT_PAGE_SIZE)])];
  if (wantedPages.join() !== pages.join()) setPages(wantedPages);

  // A new filter is a new list: selection, focus and scroll start over (the table is not remounted, so nothing flashes).
  const filterKey = JSON.stringify(filter);
  const [shownFilter, setShownFilter] = useState(filterKey);
  if (filterKey !== shownFilter) {
    setShownFilter(filterKey);
    setSelection(EMPTY_SELECTION);
    setFetchedRows(new Map());
    setFocus(0);
    setMenu(null);
    setExactTotal(false);
  }
  const { toTop } = view;
  useEffect(() => toTop(), [filterKey, toTop]);

  const rowAt = (index: number): PortalAccountRow | undefined =>
    byPage.get(Math.floor(index / ACCOUNT_PAGE_SIZE))?.data?.rows[index % ACCOUNT_PAGE_SIZE];
  const idAt = (index: number) => rowAt(index)?.id;
  const focusIndex = Math.min(focus, Math.max(0, total - 1));

  const selectedRows = (around: number): PortalAccountRow[] => {
    const row = rowAt(around);
    if (!row) return [];
    if (!selection.ids.has(row.id)) return [row];
    const rows = new Map<number, PortalAccountRow>();
    for (const page of byPage.values()) for (const r of page?.data?.rows ?? []) if (selection.ids.has(r.id)) rows.set(r.id, r);
    for (const r of fetchedRows.values()) if (selection.ids.has(r.id) && !rows.has(r.id)) rows.set(r.id, r);
    return [...rows.values()];
  };

  /** Ctrl+A: the loaded rows at once, then every row of the list (up to MAX_SELECTED) once fetched. */
  const selectEveryRow = async () => {
    setSelection(selectAll(total, idAt));
    setSelectError(null);
    const run = ++selectRun.current;
    const loaded = [...byPage.values()].reduce((n, page) => n + (page?.data?.rows.length ?? 0), 0);
    if (loaded >= total) return;
    try {
      const rows = await fetchAllAccountRows(filter);
      if (run !== selectRun.current) return; // the user selected something else meanwhile
      setFetchedRows(new Map(rows.map((r) => [r.id, r])));
      setSelection({ ids: new Set(rows.map((r) => r.id)), anchor: 0 });
    } catch (error) {
      if (run === selectRun.current) setSelectError(error);
    }
  };

  const openMenuAt = (index: number, x: number, y: number) => {
    const rows = selectedRows(index);
    if (rows.length > 0) setMenu({ x, y, rows });
  };

  const focusRow = (index: number) => {
    setFocus(index);
    view.reveal(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (menu) return;
    const moved = moveFocus(event.key, focusIndex, total, view.pageRows);
    if (moved !== null) {
      event.preventDefault();
      focusRow(moved);
      // Shift extends the selection from the anchor; moving without Shift moves the anchor along.
      if (event.shiftKey) changeSelection((s) => selectRow(s.anchor === null ? { ...s, anchor: focusIndex } : s, moved, idAt, { shift: true }));
      else changeSelection((s) => ({ ...s, anchor: moved }));
      return;
    }
    const row = rowAt(focusIndex);
    if (event.key === 'Enter' && row) {
      event.preventDefault();
      onAction('open', [row]);
    } else if (event.key === ' ') {
      event.preventDefault();
      changeSelection((s) => toggleRow(s, focusIndex, idAt));
    } else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void selectEveryRow();
    } else if (event.key === 'Escape') {
      changeSelection(EMPTY_SELECTION);
    } else if (event.key === 'Delete' && row && mayGrant) {
      event.preventDefault();
      onAction('delete', selectedRows(focusIndex));
    } else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      const rect = document.getElementById(`${baseId}-row-${focusIndex}`)?.getBoundingClientRect();
      openMenuAt(focusIndex, rect ? rect.left + 24 : 24, rect ? rect.bottom : 24);
    }
  };

  const onRowClick = (event: MouseEvent, index: number) => {
    setFocus(index);
    changeSelection((s) => selectRow(s, index, idAt, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey }));
    scrollRef.current?.focus({ preventScroll: true });
  };

  const onRowContextMenu = (event: MouseEvent, index: number) => {
    event.preventDefault();
    setFocus(index);
    const row = rowAt(index);
    if (row && !selection.ids.has(row.id)) changeSelection(selectRow(selection, index, idAt));
    const rows = row && selection.ids.has(row.id) ? selectedRows(index) : row ? [row] : [];
    if (rows.length > 0) setMenu({ x: event.clientX, y: event.clientY, rows });
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
      if (row) now.onAction('open', [row]);
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

  const menuLabel = menu && menu.rows.length === 1 ? t('portalAccounts.rowMenu', { name: menu.rows[0]?.username ?? '' }) : t('portalAccounts.selectionMenu', { count: menu?.rows.length ?? 0 });

  return (
    <>
      <ErrorAlert error={first?.error ?? selectError} />
      <p className="list-summary" aria-live="polite">
        {totalExact ? t('portalAccounts.count', { count: total, total: format.number(total) }) : t('portalAccounts.countAtLeast', { total: format.number(total) })}
        {selection.ids.size > 0 ? ` · ${t('portalAccounts.selected', { count: selection.ids.size, shown: format.number(selection.ids.size) })}` : ''}
        {selection.ids.size >= MAX_SELECTED && total > MAX_SELECTED ? ` (${t('portalAccounts.selectedAtMost', { count: MAX_SELECTED, shown: format.number(MAX_SELECTED) })})` : ''}
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
                  selected={row ? selection.ids.has(row.id) : false}
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
      {menu ? (
        <ContextMenu
          label={menuLabel}
          x={menu.x}
          y={menu.y}
          onClose={() => setMenu(null)}
          actions={accountMenuActions(t, menu.rows, mayGrant, (action) => onAction(action, menu.rows))}
        />
      ) : null}
    </>
  );
}
