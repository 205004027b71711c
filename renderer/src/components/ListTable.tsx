import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OpenableRow, SortHeader, TableMessage } from './DataTable';
import type { Direction } from './list-state';

declare module '@tanstack/react-table' {
  // The type parameters must match the library's declaration to merge with it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The core's sort key behind the column; without one the column does not sort. */
    sort?: string;
    /** Class of the column's header and cells. */
    className?: string;
    /** Clicks in the column's cells (a checkbox) do not open the row. */
    keepClicks?: boolean;
  }
}

/** The order the core sorts a list in, and how a header click changes it. */
export interface ListSort<S extends string> {
  sort: S;
  direction: Direction;
  onSort: (field: S) => void;
}

export interface ListTableProps<T, S extends string = string> {
  caption: string;
  /** react-table column definitions; `meta` says how a column sorts and looks. */
  columns: readonly ColumnDef<T, unknown>[];
  rows: readonly T[];
  rowId: (row: T) => number;
  /** The query's status: the first answer still coming, failed (the screen shows why), or here. */
  status: 'pending' | 'error' | 'success';
  /** Said when the answer has no rows (none: say nothing). */
  empty?: string;
  /** Sorting in the core; headers of columns with `meta.sort` become sort buttons. */
  sorting?: ListSort<S>;
  /** Rows open their record on click or Enter. */
  onOpen?: (row: T) => void;
  /** A context menu on right-click or the menu key, at a position. */
  onRowMenu?: (row: T, x: number, y: number) => void;
  rowClassName?: (row: T) => string | undefined;
}

const keepClick = (event: MouseEvent) => event.stopPropagation();

/**
 * A list's table, driven by its columns: header (sorting in the core), one row per record
 * (openable by click and keyboard, with an optional context menu), and the loading and
 * empty messages. Search, paging and sorting happen in the core's SQL, never here.
 */
export function ListTable<T, S extends string = string>({ caption, columns, rows, rowId, status, empty, sorting, onOpen, onRowMenu, rowClassName }: ListTableProps<T, S>) {
  const { t } = useTranslation();
  const table = useReactTable<T>({
    data: rows as T[],
    columns: columns as ColumnDef<T, unknown>[],
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(rowId(row)),
    manualSorting: true,
    manualPagination: true,
  });
  const span = columns.length;

  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return sorting && meta?.sort ? (
                  <SortHeader key={header.id} field={meta.sort as S} label={label} sort={sorting.sort} direction={sorting.direction} onSort={sorting.onSort} />
                ) : (
                  <th key={header.id} scope="col" className={meta?.className}>
                    {label}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {status === 'pending' ? <TableMessage colSpan={span}>{t('app.loading')}</TableMessage> : null}
          {status === 'success' && empty && rows.length === 0 ? <TableMessage colSpan={span}>{empty}</TableMessage> : null}
          {table.getRowModel().rows.map((row) => {
            const cells = row.getVisibleCells().map((cell) => {
              const meta = cell.column.columnDef.meta;
              return (
                <td key={cell.id} className={meta?.className} onClick={meta?.keepClicks ? keepClick : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext()) as ReactNode}
                </td>
              );
            });
            const record = row.original;
            if (!onOpen) {
              return (
                <tr key={row.id} className={rowClassName?.(record)}>
                  {cells}
                </tr>
              );
            }
            return (
              <OpenableRow
                key={row.id}
                onOpen={() => onOpen(record)}
                {...(onRowMenu
                  ? {
                      onContextMenu: (event) => {
                        event.preventDefault();
                        onRowMenu(record, event.clientX, event.clientY);
                      },
                      onMenuKey: (rect) => onRowMenu(record, rect.left + 24, rect.bottom),
                    }
                  : {})}
              >
                {cells}
              </OpenableRow>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
