import type { TFunction } from 'i18next';
import type { AccountColumn, PortalAccountRow } from '../../../../shared/api/portal-accounts';
import type { Format } from '../../i18n/format';
import { STATUS_BADGE_CLASS } from './AccountStatusBadge';
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

/**
 * Each column's width in rem. The table lays out by these (table-layout: fixed), so
 * columns do not shift as other rows scroll into view, and a list wider than the
 * screen scrolls sideways instead of cutting its last column.
 */
export const COLUMN_WIDTH_REM: Record<AccountColumn, number> = {
  username: 18,
  person: 12,
  nickname: 10,
  organisations: 14,
  roleGroups: 11,
  active: 6,
  status: 12,
  activationSentAt: 15,
  activatedAt: 11,
  lastSignInAt: 11,
  twoStep: 12,
};

/** What cells need to turn a row into text: passed down once, not looked up per cell. */
export interface CellText {
  t: TFunction;
  format: Format;
}

/** One cell of the account list (a plain function: a row renders many, and hooks per cell cost time while scrolling). */
export function accountCell(column: AccountColumn, row: PortalAccountRow, { t, format }: CellText) {
  switch (column) {
    case 'username':
      return (
        <td key={column} className="cell-strong" title={row.username}>
          {row.username}
        </td>
      );
    case 'nickname':
      return <td key={column}>{row.nickname ?? ''}</td>;
    case 'person':
      return <td key={column}>{row.personName ?? ''}</td>;
    case 'organisations':
      return (
        <td key={column} title={row.organisations.join(', ')}>
          {row.organisations.join(', ')}
        </td>
      );
    case 'roleGroups':
      return (
        <td key={column} title={row.roleGroups.join(', ')}>
          {row.roleGroups.join(', ')}
        </td>
      );
    case 'active':
      return <td key={column}>{row.active ? t('portalAccounts.yes') : t('portalAccounts.no')}</td>;
    case 'status':
      return (
        <td key={column}>
          <span className={STATUS_BADGE_CLASS[row.status]}>{t(`portalAccounts.statuses.${row.status}`)}</span>
        </td>
      );
    case 'activationSentAt':
      return (
        <td key={column}>
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
      return <td key={column}>{row.activatedAt ? format.dateTime(row.activatedAt) : ''}</td>;
    case 'lastSignInAt':
      return <td key={column}>{row.lastSignInAt ? format.dateTime(row.lastSignInAt) : ''}</td>;
    case 'twoStep':
      return <td key={column}>{t(`portalAccounts.twoStepMethods.${row.twoStepMethod ?? 'none'}`)}</td>;
  }
}
