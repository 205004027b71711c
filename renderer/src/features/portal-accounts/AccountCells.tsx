import { useTranslation } from 'react-i18next';
import type { AccountColumn, PortalAccountRow } from '../../../../shared/api/portal-accounts';
import { useFormat } from '../../i18n/format';
import { AccountStatusBadge } from './AccountStatusBadge';
import type { AccountSort } from './portal-account-queries';

/** The sort key behind a column, if the column sorts. */
export const SORT_OF: Partial<Record<AccountColumn, AccountSort>> = {
  username: 'username',
  person: 'person',
  organisations: 'organisation',
  status: 'status',
  activationSentAt: 'activationSentAt',
  activatedAt: 'activatedAt',
  lastSignInAt: 'lastSignInAt',
};

/** One cell of the account list. */
export function AccountCell({ column, row }: { column: AccountColumn; row: PortalAccountRow }) {
  const { t } = useTranslation();
  const format = useFormat();
  switch (column) {
    case 'username':
      return (
        <td className="cell-strong cell-nowrap" title={row.username}>
          {row.username}
        </td>
      );
    case 'nickname':
      return <td>{row.nickname ?? ''}</td>;
    case 'person':
      return <td>{row.personName ?? ''}</td>;
    case 'organisations':
      return <td title={row.organisations.join(', ')}>{row.organisations.join(', ')}</td>;
    case 'roleGroups':
      return <td title={row.roleGroups.join(', ')}>{row.roleGroups.join(', ')}</td>;
    case 'active':
      return <td>{row.active ? t('portalAccounts.yes') : t('portalAccounts.no')}</td>;
    case 'status':
      return (
        <td>
          <AccountStatusBadge status={row.status} />
        </td>
      );
    case 'activationSentAt':
      return (
        <td className="cell-nowrap">
          {row.activationSentAt ? (
            <>
              {format.dateTime(row.activationSentAt)}
              {row.activationSentByName ? <span className="muted"> {t('portalAccounts.sentBy', { name: row.activationSentByName })}</span> : null}
              {row.activationExpiresAt && !row.activatedAt ? (
                <span className="cell-sub">{t('portalAccounts.expires', { date: format.dateTime(row.activationExpiresAt) })}</span>
              ) : null}
            </>
          ) : (
            ''
          )}
        </td>
      );
    case 'activatedAt':
      return <td className="cell-nowrap">{row.activatedAt ? format.dateTime(row.activatedAt) : ''}</td>;
    case 'lastSignInAt':
      return <td className="cell-nowrap">{row.lastSignInAt ? format.dateTime(row.lastSignInAt) : ''}</td>;
  }
}
