import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/api/organisations';
import { PAGE_SIZE, useListState } from '../../components/list-state';
import { ListScreen } from '../../components/ListScreen';
import { SearchField } from '../../components/SearchField';
import { navigate } from '../../router/use-route';
import { useOrganisationList, type OrganisationSort } from './organisation-queries';

const column = createColumnHelper<Organisation>();

/** All organisations: search, sort and paging happen in the core's SQL. */
export function OrganisationsScreen() {
  const { t } = useTranslation();
  const list = useListState<OrganisationSort>('organisations', 'name');
  const query = useOrganisationList({ search: list.search, sort: list.sort, direction: list.direction, offset: list.offset, limit: PAGE_SIZE });
  const columns = [
    column.display({ id: 'name', header: t('organisations.columns.name'), cell: ({ row }) => row.original.name, meta: { sort: 'name', className: 'cell-strong' } }),
    column.display({ id: 'customerNumber', header: t('organisations.columns.customerNumber'), cell: ({ row }) => row.original.customerNumber ?? '', meta: { sort: 'customerNumber' } }),
    column.display({ id: 'city', header: t('organisations.columns.city'), cell: ({ row }) => row.original.city ?? '', meta: { sort: 'city' } }),
    column.display({ id: 'country', header: t('organisations.columns.country'), cell: ({ row }) => row.original.country ?? '', meta: { sort: 'country' } }),
    column.display({ id: 'parent', header: t('organisations.columns.parent'), cell: ({ row }) => row.original.parentName ?? '' }),
  ];

  return (
    <ListScreen
      title={t('organisations.title')}
      busy={query.isFetching}
      actions={
        <button type="button" className="button button--primary" onClick={() => navigate({ name: 'organisation', id: 'new' })}>
          {t('organisations.new')}
        </button>
      }
      top={
        <div className="toolbar">
          <SearchField value={list.search} onSearch={list.setSearch} />
        </div>
      }
      error={query.error}
      columns={columns}
      rows={query.data?.rows ?? []}
      rowId={(o) => o.id}
      status={query.status}
      empty={t('organisations.empty')}
      sorting={{ sort: list.sort, direction: list.direction, onSort: list.toggleSort }}
      onOpen={(o) => navigate({ name: 'organisation', id: o.id })}
      paging={{ offset: list.offset, limit: PAGE_SIZE, total: query.data?.total ?? 0, onOffset: list.setOffset }}
    />
  );
}
