import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/api/staff';
import { PAGE_SIZE, useListState } from '../../components/list-state';
import { ListScreen } from '../../components/ListScreen';
import { SearchField } from '../../components/SearchField';
import { useFormat } from '../../i18n/format';
import { navigate } from '../../router/use-route';
import { useStaffList, type StaffSort } from './staff-queries';

const column = createColumnHelper<StaffMember>();

/** Staff users (administrators only). */
export function StaffScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListState<StaffSort>('staff', 'name');
  const query = useStaffList({ search: list.search, sort: list.sort, direction: list.direction, offset: list.offset, limit: PAGE_SIZE });
  const columns = [
    column.display({ id: 'name', header: t('staff.columns.name'), cell: ({ row }) => row.original.name, meta: { sort: 'name', className: 'cell-strong' } }),
    column.display({ id: 'email', header: t('staff.columns.email'), cell: ({ row }) => row.original.email, meta: { sort: 'email' } }),
    column.display({ id: 'role', header: t('staff.columns.role'), cell: ({ row }) => t(`staff.roles.${row.original.role}`), meta: { sort: 'role' } }),
    column.display({
      id: 'lastSignInAt',
      header: t('staff.columns.lastSignInAt'),
      cell: ({ row: { original: m } }) => (m.lastSignInAt ? format.dateTime(m.lastSignInAt) : t('staff.never')),
      meta: { sort: 'lastSignInAt' },
    }),
    column.display({
      id: 'status',
      header: t('staff.columns.status'),
      cell: ({ row: { original: m } }) => <span className={m.active ? 'badge badge--ok' : 'badge badge--off'}>{m.active ? t('staff.active') : t('staff.inactive')}</span>,
    }),
  ];

  return (
    <ListScreen
      title={t('staff.title')}
      busy={query.isFetching}
      actions={
        <button type="button" className="button button--primary" onClick={() => navigate({ name: 'staff-member', id: 'new' })}>
          {t('staff.new')}
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
      rowId={(m) => m.id}
      status={query.status}
      empty={t('staff.empty')}
      sorting={{ sort: list.sort, direction: list.direction, onSort: list.toggleSort }}
      onOpen={(m) => navigate({ name: 'staff-member', id: m.id })}
      paging={{ offset: list.offset, limit: PAGE_SIZE, total: query.data?.total ?? 0, onOffset: list.setOffset }}
    />
  );
}
