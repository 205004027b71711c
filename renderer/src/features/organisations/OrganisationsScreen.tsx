import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OpenableRow, Pager, SortHeader, TableMessage } from '../../components/DataTable';
import { PAGE_SIZE, useListState } from '../../components/list-state';
import { SearchField } from '../../components/SearchField';
import { navigate } from '../../router/use-route';
import { useOrganisationList, type OrganisationSort } from './organisation-queries';

const COLUMNS = 5;

/** All organisations: search, sort and paging happen in the core's SQL. */
export function OrganisationsScreen() {
  const { t } = useTranslation();
  const list = useListState<OrganisationSort>('organisations', 'name');
  const query = useOrganisationList({ search: list.search, sort: list.sort, direction: list.direction, offset: list.offset, limit: PAGE_SIZE });
  const rows = query.data?.rows ?? [];
  const header = (field: OrganisationSort, label: string) => (
    <SortHeader field={field} label={label} sort={list.sort} direction={list.direction} onSort={list.toggleSort} />
  );

  return (
    <section className="screen" aria-busy={query.isFetching}>
      <header className="screen__header">
        <h1>{t('organisations.title')}</h1>
        <button type="button" className="button button--primary" onClick={() => navigate({ name: 'organisation', id: 'new' })}>
          {t('organisations.new')}
        </button>
      </header>
      <div className="toolbar">
        <SearchField value={list.search} onSearch={list.setSearch} />
      </div>
      <ErrorAlert error={query.error} />
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('organisations.title')}</caption>
          <thead>
            <tr>
              {header('name', t('organisations.columns.name'))}
              {header('customerNumber', t('organisations.columns.customerNumber'))}
              {header('city', t('organisations.columns.city'))}
              {header('country', t('organisations.columns.country'))}
              <th scope="col">{t('organisations.columns.parent')}</th>
            </tr>
          </thead>
          <tbody>
            {query.isPending ? <TableMessage colSpan={COLUMNS}>{t('app.loading')}</TableMessage> : null}
            {query.isSuccess && rows.length === 0 ? <TableMessage colSpan={COLUMNS}>{t('organisations.empty')}</TableMessage> : null}
            {rows.map((o) => (
              <OpenableRow key={o.id} onOpen={() => navigate({ name: 'organisation', id: o.id })}>
                <td className="cell-strong">{o.name}</td>
                <td>{o.customerNumber ?? ''}</td>
                <td>{o.city ?? ''}</td>
                <td>{o.country ?? ''}</td>
                <td>{o.parentName ?? ''}</td>
              </OpenableRow>
            ))}
          </tbody>
        </table>
      </div>
      <Pager offset={list.offset} limit={PAGE_SIZE} total={query.data?.total ?? 0} onOffset={list.setOffset} />
    </section>
  );
}
