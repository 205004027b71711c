import type { ReactNode } from 'react';
import { Pager } from './DataTable';
import { ErrorAlert } from './ErrorAlert';
import { ListTable, type ListTableProps } from './ListTable';

interface ListScreenProps<T, S extends string> extends Omit<ListTableProps<T, S>, 'caption'> {
  title: string;
  /** Buttons in the header, after the title. */
  actions?: ReactNode;
  /** Between the header and the table: notices, the toolbar. */
  top?: ReactNode;
  error?: unknown;
  /** A query or an action is running (aria-busy). */
  busy: boolean;
  /** Use the whole window width. */
  wide?: boolean;
  /** Pages the core cuts with OFFSET/LIMIT; none for a list shown whole. */
  paging?: { offset: number; limit: number; total: number; onOffset: (offset: number) => void };
  /** A panel beside the list (the list and its pager then share the first column). */
  aside?: ReactNode;
  /** Dialogs and menus the screen opens. */
  children?: ReactNode;
}

/**
 * One list screen, driven by its columns: title and actions, notices and toolbar, the
 * error, the table (ListTable) and its pager, optionally a panel beside it. The six list
 * screens (organisations, persons, staff, role groups, outbox, documents) are all this.
 */
export function ListScreen<T, S extends string = string>({ title, actions, top, error, busy, wide = false, paging, aside, children, ...table }: ListScreenProps<T, S>) {
  const list = (
    <>
      <ListTable caption={title} {...table} />
      {paging ? <Pager {...paging} /> : null}
    </>
  );
  return (
    <section className={wide ? 'screen screen--wide' : 'screen'} aria-busy={busy}>
      <header className="screen__header">
        <h1>{title}</h1>
        {actions}
      </header>
      {top}
      <ErrorAlert error={error} />
      {aside ? (
        <div className="page-columns">
          <div>{list}</div>
          {aside}
        </div>
      ) : (
        list
      )}
      {children}
    </section>
  );
}
