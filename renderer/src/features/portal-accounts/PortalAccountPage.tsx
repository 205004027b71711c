import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/api/staff';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../router/Link';
import { HistoryLink } from '../audit/HistoryLink';
import { personName, usePerson } from '../persons/person-queries';
import { AccountAccessPanel } from './AccountAccessPanel';
import { AccountForm } from './AccountForm';
import { AccountSessions } from './AccountSessions';
import { AccountTicketRights } from '../ticket-rights/ContactTicketRights';
import { EffectivePermissions } from './EffectivePermissions';
import { mayGrantAccess, useAccount } from './portal-account-queries';

interface PortalAccountPageProps {
  id: number | 'new';
  /** For a new account opened from a person: username and link prefilled from them. */
  personId?: number | undefined;
  me: StaffMember;
}

/** A new portal account (possibly from a person) or an existing one: details, access, effective permissions, portal sessions. */
export function PortalAccountPage({ id, personId, me }: PortalAccountPageProps) {
  const { t } = useTranslation();
  const mayGrant = mayGrantAccess(me);
  const account = useAccount(id === 'new' ? null : id);
  const person = usePerson(id === 'new' && personId ? personId : null);

  if (id === 'new') {
    const waiting = personId !== undefined && person.isPending;
    const p = person.data;
    return (
      <section className="screen">
        <h1>{t('portalAccounts.new')}</h1>
        {p ? <p className="subtitle">{t('portalAccounts.fromPerson', { name: personName(p) })}</p> : null}
        <ErrorAlert error={person.error} />
        {waiting ? (
          <p className="muted">{t('app.loading')}</p>
        ) : (
          <AccountForm
            key={p?.id ?? 'none'}
            mayGrant={mayGrant}
            preset={p ? { username: p.email ?? '', organisation: { id: p.organisationId, name: p.organisationName }, personId: p.id } : null}
          />
        )}
      </section>
    );
  }
  const data = account.data;
  return (
    <section className="screen" aria-busy={account.isFetching}>
      <h1>{data ? data.username : account.isError ? t('portalAccounts.title') : t('app.loading')}</h1>
      <p className="subtitle">
        <Link to={{ name: 'accounts' }}>{t('portalAccounts.title')}</Link>
      </p>
      <HistoryLink entity="portal-account" id={id} />
      <ErrorAlert error={account.error} />
      {data ? (
        <div className="page-columns">
          <AccountForm key={data.id} account={data} mayGrant={mayGrant} />
          <div>
            <AccountAccessPanel account={data} mayGrant={mayGrant} />
            <EffectivePermissions accountId={data.id} />
          </div>
        </div>
      ) : null}
      {data ? <AccountSessions account={data} mayGrant={mayGrant} /> : null}
      {data ? <AccountTicketRights account={data} mayGrant={mayGrant} /> : null}
    </section>
  );
}
