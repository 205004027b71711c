import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/api/persons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../router/Link';
import { navigate } from '../../router/use-route';
import { useCurrentStaff } from '../session/session-queries';
import { AccountStatusBadge } from './AccountStatusBadge';
import { mayGrantAccess, useAccountList } from './portal-account-queries';

/** On a person's page: their portal accounts with status, and "Create portal account". */
export function PersonAccounts({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useCurrentStaff().data;
  const accounts = useAccountList({ personId: person.id, limit: 50 });
  const rows = accounts.data?.rows ?? [];
  return (
    <section className="panel" aria-labelledby="person-accounts">
      <h2 id="person-accounts">{t('portalAccounts.personAccounts')}</h2>
      <ErrorAlert error={accounts.error} />
      {accounts.isSuccess && rows.length === 0 ? <p className="muted">{t('portalAccounts.personNoAccounts')}</p> : null}
      {rows.length > 0 ? (
        <ul className="plain-list">
          {rows.map((row) => (
            <li key={row.id}>
              <Link to={{ name: 'account', id: row.id }}>{row.username}</Link> <AccountStatusBadge status={row.status} />
            </li>
          ))}
        </ul>
      ) : null}
      {me && mayGrantAccess(me) ? (
        <button type="button" className="button" onClick={() => navigate({ name: 'account', id: 'new', personId: person.id })}>
          {t('portalAccounts.createForPerson')}
        </button>
      ) : null}
    </section>
  );
}
