import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HistoryLink } from '../audit/HistoryLink';
import { HourCardsSection } from '../hours/HourCardsSection';
import { OrganisationAccounts } from '../portal-accounts/OrganisationAccounts';
import { OrganisationProjects } from '../projects/OrganisationProjects';
import { OrganisationForm } from './OrganisationForm';
import { useOrganisation } from './organisation-queries';
import { OrganisationChildren, OrganisationPersons } from './OrganisationRelations';

/** One organisation: its form, its persons, child organisations, portal accounts and hour cards; or the form for a new one. */
export function OrganisationPage({ id }: { id: number | 'new' }) {
  const { t } = useTranslation();
  const query = useOrganisation(id === 'new' ? null : id);

  if (id === 'new') {
    return (
      <section className="screen">
        <h1>{t('organisations.new')}</h1>
        <OrganisationForm />
      </section>
    );
  }
  const organisation = query.data;
  return (
    <section className="screen" aria-busy={query.isFetching}>
      <h1>{organisation?.name ?? (query.isError ? t('organisations.title') : t('app.loading'))}</h1>
      <HistoryLink entity="organisation" id={id} />
      <ErrorAlert error={query.error} />
      {organisation ? (
        <>
          {/* Keyed by id: opening another organisation starts from its own values. */}
          <OrganisationForm key={organisation.id} organisation={organisation} />
          <div className="panels">
            <OrganisationPersons organisation={organisation} />
            <OrganisationChildren organisation={organisation} />
            <OrganisationAccounts organisation={organisation} />
            <OrganisationProjects organisation={organisation} />
            <HourCardsSection organisation={organisation} />
          </div>
        </>
      ) : null}
    </section>
  );
}
