import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/api/persons';
import { PAGE_SIZE, useListState } from '../../components/list-state';
import { ListScreen } from '../../components/ListScreen';
import { SearchField } from '../../components/SearchField';
import { navigate } from '../../router/use-route';
import { BulkCreateDialog } from '../portal-accounts/BulkCreateDialog';
import { mayGrantAccess } from '../portal-accounts/portal-account-queries';
import { useCurrentStaff } from '../session/session-queries';
import { personName, usePersonList, type PersonSort } from './person-queries';

const column = createColumnHelper<Person>();

/** All persons: search, sort and paging happen in the core's SQL. */
export function PersonsScreen() {
  const { t } = useTranslation();
  const list = useListState<PersonSort>('persons', 'lastName');
  const query = usePersonList({ search: list.search, sort: list.sort, direction: list.direction, offset: list.offset, limit: PAGE_SIZE });
  const rows = query.data?.rows ?? [];
  const me = useCurrentStaff().data;
  const mayGrant = me ? mayGrantAccess(me) : false;
  // Selected persons, by id with their names (for the bulk report); kept across pages and searches.
  const [selected, setSelected] = useState<Map<number, string>>(new Map());
  const [bulk, setBulk] = useState(false);
  const toggle = (id: number, name: string, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(id, name);
      else next.delete(id);
      return next;
    });
  const allOnPage = rows.length > 0 && rows.every((p) => selected.has(p.id));
  const columns = [
    column.display({
      id: 'select',
      header: () => (
        <input type="checkbox" aria-label={t('portalAccounts.selectAllPersons')} checked={allOnPage} onChange={(e) => rows.forEach((p) => toggle(p.id, personName(p), e.target.checked))} />
      ),
      cell: ({ row: { original: p } }) => (
        <input
          type="checkbox"
          aria-label={t('portalAccounts.selectPerson', { name: personName(p) })}
          checked={selected.has(p.id)}
          onChange={(e) => toggle(p.id, personName(p), e.target.checked)}
          onKeyDown={(e) => e.stopPropagation()}
        />
      ),
      meta: { className: 'cell-check', keepClicks: true },
    }),
    column.display({ id: 'name', header: t('persons.columns.name'), cell: ({ row }) => personName(row.original), meta: { sort: 'lastName', className: 'cell-strong' } }),
    column.display({ id: 'organisation', header: t('persons.columns.organisation'), cell: ({ row }) => row.original.organisationName, meta: { sort: 'organisation' } }),
    column.display({ id: 'email', header: t('persons.columns.email'), cell: ({ row }) => row.original.email ?? '', meta: { sort: 'email' } }),
    column.display({ id: 'mobile', header: t('persons.columns.mobile'), cell: ({ row }) => row.original.mobile ?? '' }),
  ];

  return (
    <ListScreen
      title={t('persons.title')}
      busy={query.isFetching}
      actions={
        <button type="button" className="button button--primary" onClick={() => navigate({ name: 'person', id: 'new' })}>
          {t('persons.new')}
        </button>
      }
      top={
        <div className="toolbar">
          <SearchField value={list.search} onSearch={list.setSearch} />
          {mayGrant ? (
            <button type="button" className="button" disabled={selected.size === 0} onClick={() => setBulk(true)}>
              {t('portalAccounts.bulkCreate')}
              {selected.size > 0 ? ` (${selected.size})` : ''}
            </button>
          ) : null}
        </div>
      }
      error={query.error}
      columns={columns}
      rows={rows}
      rowId={(p) => p.id}
      status={query.status}
      empty={t('persons.empty')}
      sorting={{ sort: list.sort, direction: list.direction, onSort: list.toggleSort }}
      onOpen={(p) => navigate({ name: 'person', id: p.id })}
      paging={{ offset: list.offset, limit: PAGE_SIZE, total: query.data?.total ?? 0, onOffset: list.setOffset }}
    >
      {bulk ? (
        <BulkCreateDialog
          persons={[...selected].map(([id, name]) => ({ id, name }))}
          onClose={(done) => {
            setBulk(false);
            if (done) setSelected(new Map());
          }}
        />
      ) : null}
    </ListScreen>
  );
}
