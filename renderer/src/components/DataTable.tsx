import { useEffect, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import type { Direction } from './list-state';

interface SortHeaderProps<S extends string> {
  field: S;
  label: ReactNode;
  sort: S;
  direction: Direction;
  onSort: (field: S) => void;
}

/** A column header that sorts in the core; aria-sort tells assistive technology the current order. */
export function SortHeader<S extends string>({ field, label, sort, direction, onSort }: SortHeaderProps<S>) {
  const active = sort === field;
  return (
    <th scope="col" aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(field)}>
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

interface RowProps {
  onOpen: () => void;
  children: ReactNode;
  /** Right-click on the row. */
  onContextMenu?: (event: MouseEvent<HTMLTableRowElement>) => void;
  /** The context-menu key or Shift+F10 on the focused row; gets the row's position to open a menu at. */
  onMenuKey?: (rect: DOMRect) => void;
}

/** A row that opens its record on click or Enter; tabIndex makes every row reachable by keyboard. */
export function OpenableRow({ onOpen, children, onContextMenu, onMenuKey }: RowProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen();
    } else if (onMenuKey && (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))) {
      event.preventDefault();
      onMenuKey(event.currentTarget.getBoundingClientRect());
    }
  };
  return (
    <tr className="openable-row" tabIndex={0} onClick={onOpen} onKeyDown={onKeyDown} onContextMenu={onContextMenu}>
      {children}
    </tr>
  );
}

interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
}

/** Previous/next over pages the core cuts with OFFSET/LIMIT. */
export function Pager({ offset, limit, total, onOffset }: PagerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // After deletions (by anyone) the page we are on can lie past the end: step back to the last page.
  useEffect(() => {
    if (total > 0 && offset >= total) onOffset(Math.floor((total - 1) / limit) * limit);
  }, [offset, total, limit, onOffset]);
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    // A group, not a <nav>: the main navigation stays the page's only navigation landmark.
    <div className="pager" role="group" aria-label={t('table.paging')}>
      <span className="pager__range">
        {total === 0
          ? t('table.emptyRange')
          : t('table.range', { from: format.number(from), to: format.number(to), total: format.number(total) })}
      </span>
      <button type="button" className="button" onClick={() => onOffset(offset - limit)} disabled={offset <= 0}>
        {t('table.previous')}
      </button>
      <button type="button" className="button" onClick={() => onOffset(offset + limit)} disabled={offset + limit >= total}>
        {t('table.next')}
      </button>
    </div>
  );
}

/** Shown instead of rows while loading, when empty, or when loading failed. */
export function TableMessage({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={colSpan} className="table-message">
        {children}
      </td>
    </tr>
  );
}
