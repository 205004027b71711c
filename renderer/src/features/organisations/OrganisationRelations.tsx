import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/api/organisations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../router/Link';
import { navigate } from '../../router/use-route';
import { personName, usePersonList } from '../persons/person-queries';
import { useOrganisationList } from './organisation-queries';

const RELATION_LIMIT = 200;

/** The persons of an organisation, each linking to their page, and a "New person" preset to it. */
export function OrganisationPersons({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const persons = usePersonList({ organisationId: organisation.id, sort: 'lastName', direction: 'asc', offset: 0, limit: RELATION_LIMIT });
  const rows = persons.data?.rows ?? [];
  return (
    <section className="panel" aria-labelledby="organisation-persons">
      <header className="panel__header">
        <h2 id="organisation-persons">{t('organisations.persons')}</h2>
        <button type="button" className="button" onClick={() => navigate({ name: 'person', id: 'new', organisationId: organisation.id })}>
          {t('persons.new')}
        </button>
      </header>
      <ErrorAlert error={persons.error} />
      {persons.isSuccess && rows.length === 0 ? <p className="muted">{t('organisations.noPersons')}</p> : null}
      {rows.length > 0 ? (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('persons.columns.name')}</th>
              <th scope="col">{t('persons.columns.email')}</th>
              <th scope="col">{t('persons.columns.mobile')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={{ name: 'person', id: p.id }}>{personName(p)}</Link>
                </td>
                <td>{p.email ?? ''}</td>
                <td>{p.mobile ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** The child organisations under this umbrella organisation. */
export function OrganisationChildren({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const children = useOrganisationList({ parentId: organisation.id, sort: 'name', direction: 'asc', offset: 0, limit: RELATION_LIMIT });
  const rows = children.data?.rows ?? [];
  return (
    <section className="panel" aria-labelledby="organisation-children">
      <header className="panel__header">
        <h2 id="organisation-children">{t('organisations.children')}</h2>
      </header>
      <ErrorAlert error={children.error} />
      {children.isSuccess && rows.length === 0 ? <p className="muted">{t('organisations.noChildren')}</p> : null}
      {rows.length > 0 ? (
        <ul className="link-list">
          {rows.map((o) => (
            <li key={o.id}>
              <Link to={{ name: 'organisation', id: o.id }}>{o.name}</Link>
              {o.city ? <span className="muted"> · {o.city}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
