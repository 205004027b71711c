import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OpenableRow, Pager, SortHeader, TableMessage } from '../../components/DataTable';
import { PAGE_SIZE, useListState } from '../../components/list-state';
import { SearchField } from '../../components/SearchField';
import { navigate } from '../../router/use-route';
import { BulkCreateDialog } from '../portal-accounts/BulkCreateDialog';
import { mayGrantAccess } from '../portal-accounts/portal-account-queries';
import { useCurrentStaff } from '../session/session-queries';
import { personName, usePersonList, type PersonSort } from './person-queries';

const COLUMNS = 5;

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
  const header = (field: PersonSort, label: string) => (
    <SortHeader field={field} label={label} sort={list.sort} direction={list.direction} onSort={list.toggleSort} />
  );

  return (
    <section className="screen" aria-busy={query.isFetching}>
      <header className="screen__header">
        <h1>{t('persons.title')}</h1>
        <button type="button" className="button button--primary" onClick={() => navigate({ name: 'person', id: 'new' })}>
          {t('persons.new')}
        </button>
      </header>
      <div className="toolbar">
        <SearchField value={list.search} onSearch={list.setSearch} />
        {mayGrant ? (
          <button type="button" className="button" disabled={selected.size === 0} onClick={() => setBulk(true)}>
            {t('portalAccounts.bulkCreate')}
            {selected.size > 0 ? ` (${selected.size})` : ''}
          </button>
        ) : null}
      </div>
      <ErrorAlert error={query.error} />
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('persons.title')}</caption>
          <thead>
            <tr>
              <th scope="col" className="cell-check">
                <input
                  type="checkbox"
                  aria-label={t('portalAccounts.selectAllPersons')}
                  checked={allOnPage}
                  onChange={(e) => rows.forEach((p) => toggle(p.id, personName(p), e.target.checked))}
                />
              </th>
              {header('lastName', t('persons.columns.name'))}
              {header('organisation', t('persons.columns.organisation'))}
              {header('email', t('persons.columns.email'))}
              <th scope="col">{t('persons.columns.mobile')}</th>
            </tr>
          </thead>
          <tbody>
            {query.isPending ? <TableMessage colSpan={COLUMNS}>{t('app.loading')}</TableMessage> : null}
            {query.isSuccess && rows.length === 0 ? <TableMessage colSpan={COLUMNS}>{t('persons.empty')}</TableMessage> : null}
            {rows.map((p) => (
              <OpenableRow key={p.id} onOpen={() => navigate({ name: 'person', id: p.id })}>
                <td className="cell-check" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={t('portalAccounts.selectPerson', { name: personName(p) })}
                    checked={selected.has(p.id)}
                    onChange={(e) => toggle(p.id, personName(p), e.target.checked)}
                    onKeyDown={(e) => e.stopPropagation()}
                  />
                </td>
                <td className="cell-strong">{personName(p)}</td>
                <td>{p.organisationName}</td>
                <td>{p.email ?? ''}</td>
                <td>{p.mobile ?? ''}</td>
              </OpenableRow>
            ))}
          </tbody>
        </table>
      </div>
      <Pager offset={list.offset} limit={PAGE_SIZE} total={query.data?.total ?? 0} onOffset={list.setOffset} />
      {bulk ? (
        <BulkCreateDialog
          persons={[...selected].map(([id, name]) => ({ id, name }))}
          onClose={(done) => {
            setBulk(false);
            if (done) setSelected(new Map());
          }}
        />
      ) : null}
    </section>
  );
}
