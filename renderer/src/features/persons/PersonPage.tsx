import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../router/Link';
import { HistoryLink } from '../audit/HistoryLink';
import { useOrganisation } from '../organisations/organisation-queries';
import { PersonAccounts } from '../portal-accounts/PersonAccounts';
import { PersonTicketRights } from '../ticket-rights/ContactTicketRights';
import { PersonForm } from './PersonForm';
import { personName, usePerson } from './person-queries';

/** A new person (possibly preset to an organisation) or an existing one to edit. */
export function PersonPage({ id, organisationId }: { id: number | 'new'; organisationId?: number | undefined }) {
  const { t } = useTranslation();
  const person = usePerson(id === 'new' ? null : id);
  const preset = useOrganisation(id === 'new' && organisationId ? organisationId : null);

  if (id === 'new') {
    // Wait for the preset organisation's name so the picker shows it from the first render.
    const waiting = organisationId !== undefined && preset.isPending;
    return (
      <section className="screen">
        <h1>{t('persons.new')}</h1>
        <ErrorAlert error={preset.error} />
        {waiting ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <PersonForm key={organisationId ?? 'none'} organisation={preset.data ? { id: preset.data.id, name: preset.data.name } : null} />
        )}
      </section>
    );
  }
  const data = person.data;
  return (
    <section className="screen" aria-busy={person.isFetching}>
      <h1>{data ? personName(data) : person.isError ? t('persons.title') : t('app.loading')}</h1>
      {data ? (
        <p className="subtitle">
          <Link to={{ name: 'organisation', id: data.organisationId }}>{data.organisationName}</Link>
        </p>
      ) : null}
      <HistoryLink entity="person" id={id} />
      <ErrorAlert error={person.error} />
      {data ? <PersonForm key={data.id} person={data} /> : null}
      {data ? <PersonAccounts person={data} /> : null}
      {data ? <PersonTicketRights person={data} /> : null}
    </section>
  );
}
