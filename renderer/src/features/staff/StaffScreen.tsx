import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OpenableRow, Pager, SortHeader, TableMessage } from '../../components/DataTable';
import { PAGE_SIZE, useListState } from '../../components/list-state';
import { SearchField } from '../../components/SearchField';
import { useFormat } from '../../i18n/format';
import { navigate } from '../../router/use-route';
import { useStaffList, type StaffSort } from './staff-queries';

const COLUMNS = 5;

/** Staff users (administrators only). */
export function StaffScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListState<StaffSort>('staff', 'name');
  const query = useStaffList({ search: list.search, sort: list.sort, direction: list.direction, offset: list.offset, limit: PAGE_SIZE });
  const rows = query.data?.rows ?? [];
  const header = (field: StaffSort, label: string) => (
    <SortHeader field={field} label={label} sort={list.sort} direction={list.direction} onSort={list.toggleSort} />
  );

  return (
    <section className="screen" aria-busy={query.isFetching}>
      <header className="screen__header">
        <h1>{t('staff.title')}</h1>
        <button type="button" className="button button--primary" onClick={() => navigate({ name: 'staff-member', id: 'new' })}>
          {t('staff.new')}
        </button>
      </header>
      <div className="toolbar">
        <SearchField value={list.search} onSearch={list.setSearch} />
      </div>
      <ErrorAlert error={query.error} />
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('staff.title')}</caption>
          <thead>
            <tr>
              {header('name', t('staff.columns.name'))}
              {header('email', t('staff.columns.email'))}
              {header('role', t('staff.columns.role'))}
              {header('lastSignInAt', t('staff.columns.lastSignInAt'))}
              <th scope="col">{t('staff.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {query.isPending ? <TableMessage colSpan={COLUMNS}>{t('app.loading')}</TableMessage> : null}
            {query.isSuccess && rows.length === 0 ? <TableMessage colSpan={COLUMNS}>{t('staff.empty')}</TableMessage> : null}
            {rows.map((m) => (
              <OpenableRow key={m.id} onOpen={() => navigate({ name: 'staff-member', id: m.id })}>
                <td className="cell-strong">{m.name}</td>
                <td>{m.email}</td>
                <td>{t(`staff.roles.${m.role}`)}</td>
                <td>{m.lastSignInAt ? format.dateTime(m.lastSignInAt) : t('staff.never')}</td>
                <td>
                  <span className={m.active ? 'badge badge--ok' : 'badge badge--off'}>{m.active ? t('staff.active') : t('staff.inactive')}</span>
                </td>
              </OpenableRow>
            ))}
          </tbody>
        </table>
      </div>
      <Pager offset={list.offset} limit={PAGE_SIZE} total={query.data?.total ?? 0} onOffset={list.setOffset} />
    </section>
  );
}
