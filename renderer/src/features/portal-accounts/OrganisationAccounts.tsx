import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/api/organisations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../router/Link';
import { AccountStatusBadge } from './AccountStatusBadge';
import { useAccountList } from './portal-account-queries';

const SHOWN = 50;

/** On an organisation's page: the portal accounts linked to it (with or without a person), with their status. */
export function OrganisationAccounts({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const accounts = useAccountList({ organisationId: organisation.id, limit: SHOWN });
  const rows = accounts.data?.rows ?? [];
  const more = (accounts.data?.total ?? 0) - rows.length;
  return (
    <section className="panel" aria-labelledby="organisation-accounts">
      <h2 id="organisation-accounts">{t('portalAccounts.organisationAccounts')}</h2>
      <ErrorAlert error={accounts.error} />
      {accounts.isSuccess && rows.length === 0 ? <p className="muted">{t('portalAccounts.organisationNoAccounts')}</p> : null}
      {rows.length > 0 ? (
        <ul className="plain-list">
          {rows.map((row) => (
            <li key={row.id}>
              <Link to={{ name: 'account', id: row.id }}>{row.username}</Link>
              {row.personName ? ` (${row.personName})` : null} <AccountStatusBadge status={row.status} />
            </li>
          ))}
        </ul>
      ) : null}
      {more > 0 ? <p className="muted">{t('portalAccounts.organisationMoreAccounts', { count: more })}</p> : null}
    </section>
  );
}
