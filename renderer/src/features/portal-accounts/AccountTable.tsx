import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountColumn, PortalAccountRow } from '../../../../shared/api/portal-accounts';
import { ContextMenu } from '../../components/ContextMenu';
import { SortHeader, TableMessage } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../i18n/format';
import { AccountCell, SORT_OF } from './AccountCells';
import { accountMenuActions, type AccountAction } from './account-menu';
import { useAccountListStore } from './account-list-store';
import { ACCOUNT_PAGE_SIZE, MAX_SELECTED, fetchAllAccountRows, useAccountPages, type AccountListFilter } from './portal-account-queries';
import { EMPTY_SELECTION, moveFocus, selectAll, selectRow, toggleRow, type Selection } from './row-selection';

/** Fixed: two short lines (the activation cell shows its expiry under the date). */
const ROW_HEIGHT = 54;
const PAGE_ROWS = 10;

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
  const store = useAccountListStore();
  const scrollRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [focus, setFocus] = useState(0);
  const [menu, setMenu] = useState<Menu | null>(null);
  const [visiblePages, setVisiblePages] = useState<number[]>([0]);
  /** Rows Ctrl+A fetched beyond the loaded pages, so actions reach every selected account. */
  const [fetchedRows, setFetchedRows] = useState<ReadonlyMap<number, PortalAccountRow>>(new Map());
  const [selectError, setSelectError] = useState<unknown>(null);
  const selectRun = useRef(0);
  /** Any other change of the selection outdates a Ctrl+A still fetching. */
  const changeSelection: typeof setSelection = (update) => {
    selectRun.current++;
    setSelection(update);
  };

  const { byPage, first } = useAccountPages(filter, visiblePages);
  const total = first?.data?.total ?? 0;
  const rowAt = (index: number): PortalAccountRow | undefined =>
    byPage.get(Math.floor(index / ACCOUNT_PAGE_SIZE))?.data?.rows[index % ACCOUNT_PAGE_SIZE];
  const idAt = (index: number) => rowAt(index)?.id;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height: 600 },
    onChange: (instance) => {
      const items = instance.getVirtualItems();
      const from = Math.floor((items[0]?.index ?? 0) / ACCOUNT_PAGE_SIZE);
      const to = Math.floor((items[items.length - 1]?.index ?? 0) / ACCOUNT_PAGE_SIZE);
      const pages = from === to ? [from] : [from, to];
      setVisiblePages((current) => (current.join() === pages.join() ? current : pages));
    },
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0));
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
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (menu) return;
    const moved = moveFocus(event.key, focusIndex, total, PAGE_ROWS);
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
        {t('portalAccounts.count', { count: total, total: format.number(total) })}
        {selection.ids.size > 0 ? ` · ${t('portalAccounts.selected', { count: selection.ids.size })}` : ''}
        {selection.ids.size >= MAX_SELECTED && total > MAX_SELECTED ? ` (${t('portalAccounts.selectedAtMost', { count: MAX_SELECTED })})` : ''}
      </p>
      <div
        ref={scrollRef}
        className="table-wrap table-wrap--scroll"
        tabIndex={0}
        role="region"
        aria-label={t('portalAccounts.title')}
        aria-describedby={`${baseId}-help`}
        aria-activedescendant={total > 0 ? `${baseId}-row-${focusIndex}` : undefined}
        onKeyDown={onKeyDown}
      >
        <table className="table table--grid" role="grid" aria-rowcount={total + 1} aria-multiselectable="true">
          <thead>
            <tr aria-rowindex={1}>{columns.map(header)}</tr>
          </thead>
          <tbody>
            {first?.isPending ? <TableMessage colSpan={columns.length}>{t('app.loading')}</TableMessage> : null}
            {first?.isSuccess && total === 0 ? <TableMessage colSpan={columns.length}>{t('portalAccounts.empty')}</TableMessage> : null}
            {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }} /> : null}
            {items.map((item) => {
              const row = rowAt(item.index);
              const selected = row ? selection.ids.has(row.id) : false;
              return (
                <tr
                  key={item.key}
                  id={`${baseId}-row-${item.index}`}
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  className={`grid-row${selected ? ' grid-row--selected' : ''}${item.index === focusIndex ? ' grid-row--focus' : ''}`}
                  style={{ height: ROW_HEIGHT }}
                  onClick={(e) => onRowClick(e, item.index)}
                  onDoubleClick={() => row && onAction('open', [row])}
                  onContextMenu={(e) => onRowContextMenu(e, item.index)}
                >
                  {row ? columns.map((column) => <AccountCell key={column} column={column} row={row} />) : <td colSpan={columns.length} className="muted">{t('app.loading')}</td>}
                </tr>
              );
            })}
            {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }} /> : null}
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
