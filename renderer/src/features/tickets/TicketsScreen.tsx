import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../../shared/api/tickets';
import { PAGE_SIZE } from '../../components/list-state';
import { ListScreen } from '../../components/ListScreen';
import { useFormat } from '../../i18n/format';
import { navigate } from '../../router/use-route';
import { TicketBulkActions, type MenuPosition } from './bulk/TicketBulkActions';
import { TicketFilters } from './TicketFilters';
import { TicketFormDialog } from './TicketFormDialog';
import { toListQuery, useTicketListStore } from './ticket-list-store';
import { useTicketList, type TicketSort } from './ticket-queries';
import { useTicketSelection } from './ticket-selection';

const column = createColumnHelper<TicketRow>();

/** Typing in a field keeps Ctrl+A for its own text. */
const isTextControl = (target: EventTarget) => target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) && !(target instanceof HTMLInputElement && target.type === 'checkbox');

/**
 * Every ticket for staff: filters, sort and paging in the core's SQL. A project from the
 * address (other screens link here with it) becomes the project filter. Selected rows stay
 * selected across pages; the bulk actions work on that selection.
 */
export function TicketsScreen({ projectId }: { projectId?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const filters = useTicketListStore();
  const { filter } = filters;
  useEffect(() => {
    if (projectId !== undefined) filter({ projectId });
  }, [projectId, filter]);
  const query = useTicketList(toListQuery(filters, PAGE_SIZE));
  const rows = query.data?.rows ?? [];
  const selection = useTicketSelection();
  const [creating, setCreating] = useState(false);
  const [bulkMenuAt, setBulkMenuAt] = useState<MenuPosition | null>(null);
  const { offset: _offset, limit: _limit, ...listFilter } = toListQuery(filters, PAGE_SIZE);
  const bulkScope = { selection: [...selection.ids], filtered: { kind: 'filter' as const, filter: listFilter, count: query.data?.total ?? 0 } };

  const allOnPage = rows.length > 0 && rows.every((r) => selection.ids.has(r.id));
  const columns = [
    column.display({
      id: 'select',
      header: () => <input type="checkbox" aria-label={t('tickets.selection.all')} checked={allOnPage} onChange={(e) => selection.setMany(rows.map((r) => r.id), e.target.checked)} />,
      cell: ({ row: { original: r } }) => (
        <input
          type="checkbox"
          aria-label={t('tickets.selection.one', { reference: r.reference })}
          checked={selection.ids.has(r.id)}
          onChange={(e) => selection.toggle(r.id, e.target.checked)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.stopPropagation();
          }}
        />
      ),
      meta: { className: 'cell-check', keepClicks: true },
    }),
    column.display({ id: 'number', header: t('tickets.columns.number'), cell: ({ row }) => row.original.reference, meta: { sort: 'number', className: 'cell-nowrap' } }),
    column.display({ id: 'title', header: t('tickets.columns.title'), cell: ({ row }) => row.original.title, meta: { className: 'cell-strong' } }),
    column.display({ id: 'status', header: t('tickets.columns.status'), cell: ({ row }) => t(`tickets.statuses.${row.original.status}`), meta: { sort: 'status' } }),
    column.display({ id: 'priority', header: t('tickets.columns.priority'), cell: ({ row }) => t(`tickets.priorities.${row.original.priority}`), meta: { sort: 'priority' } }),
    column.display({ id: 'project', header: t('tickets.columns.project'), cell: ({ row }) => `${row.original.projectName} / ${row.original.taskName}` }),
    column.display({ id: 'contact', header: t('tickets.columns.contact'), cell: ({ row }) => row.original.contactName ?? '' }),
    column.display({ id: 'assignee', header: t('tickets.columns.assignee'), cell: ({ row }) => row.original.assigneeName ?? '' }),
    column.display({
      id: 'updated',
      header: t('tickets.columns.updated'),
      cell: ({ row }) => <time dateTime={row.original.updatedAt}>{format.dateTime(row.original.updatedAt)}</time>,
      meta: { sort: 'updated', className: 'cell-nowrap' },
    }),
  ];

  // Ctrl+A anywhere on the screen (outside text fields and dialogs) selects the page's tickets, as in a mail program.
  const { setMany } = selection;
  const { data } = query;
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'a' || event.altKey) return;
      if (event.target && (isTextControl(event.target) || (event.target instanceof Element && event.target.closest('[role="dialog"]')))) return;
      event.preventDefault();
      setMany((data?.rows ?? []).map((r) => r.id), true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [data, setMany]);

  return (
    <ListScreen<TicketRow, TicketSort>
        wide
        title={t('tickets.title')}
        busy={query.isFetching}
        actions={
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            {t('tickets.new')}
          </button>
        }
        top={
          <>
            <TicketFilters />
            <div className="toolbar" aria-live="polite">
              <span className="muted">{selection.ids.size > 0 ? t('tickets.selection.count', { count: selection.ids.size }) : t('tickets.selection.hint')}</span>
              {selection.ids.size > 0 ? (
                <button type="button" className="button" onClick={selection.clear}>
                  {t('tickets.selection.clear')}
                </button>
              ) : null}
              <TicketBulkActions scope={bulkScope} menuAt={bulkMenuAt} onMenuAt={setBulkMenuAt} />
            </div>
          </>
        }
        error={query.error}
        columns={columns}
        rows={rows}
        rowId={(r) => r.id}
        status={query.status}
        empty={t('tickets.empty')}
        sorting={{ sort: filters.sort, direction: filters.direction, onSort: filters.toggleSort }}
        onOpen={(r) => navigate({ name: 'ticket', id: r.id })}
        onRowMenu={(r, x, y) => {
          // The menu acts on the selection; a row outside it joins it first.
          if (!selection.ids.has(r.id)) selection.toggle(r.id, true);
          setBulkMenuAt({ x, y });
        }}
        paging={{ offset: filters.offset, limit: PAGE_SIZE, total: query.data?.total ?? 0, onOffset: filters.setOffset }}
      >
        {creating ? (
          <TicketFormDialog
            projectId={filters.projectId}
            onClose={(saved) => {
              setCreating(false);
              if (saved) navigate({ name: 'ticket', id: saved.id });
            }}
          />
        ) : null}
      </ListScreen>
  );
}
