import { useTranslation } from 'react-i18next';
import type { AccessReview, ReviewAccount, ReviewLink, ReviewRight } from '../../../../shared/api/access-review';
import { permissionDefinition } from '../../../../shared/permissions';
import { isUiLanguage } from '../../i18n/i18n';
import { useFormat, type Format } from '../../i18n/format';
import { AccountStatusBadge } from '../portal-accounts/AccountStatusBadge';

/** How many permission names a row shows before the rest fold away behind "n permissions". */
const SHOWN_PERMISSIONS = 3;

function RightText({ right }: { right: ReviewRight }) {
  const { t } = useTranslation();
  const extent =
    right.scope === 'one_task' && right.taskName
      ? right.taskName
      : right.scope === 'existing_tasks' && right.taskCount !== null
        ? `${t('accessReview.scopes.existing_tasks')} (${t('accessReview.tasks', { count: right.taskCount })})`
        : t(`accessReview.scopes.${right.scope}`);
  return (
    <>
      {right.projectName}: {extent}
      {right.readOnly ? <span className="badge">{t('accessReview.readOnly')}</span> : null}
    </>
  );
}

function LinkCell({ link, format }: { link: ReviewLink; format: Format }) {
  const { t } = useTranslation();
  return (
    <li>
      <strong>{link.organisationName}</strong>
      {link.isDefault ? <span className="badge badge--info">{t('accessReview.defaultLink')}</span> : null}
      <br />
      {link.personName ?? <span className="muted">{t('accessReview.wholeOrganisation')}</span>}
      <br />
      <span className="muted">{t('accessReview.linkCounts', { visible: format.number(link.visibleTickets), writable: format.number(link.writableTickets) })}</span>
    </li>
  );
}

function Permissions({ keys }: { keys: string[] }) {
  const { t, i18n } = useTranslation();
  const language = isUiLanguage(i18n.language) ? i18n.language : 'en';
  if (keys.length === 0) return <span className="muted">{t('accessReview.noPermissions')}</span>;
  const labels = keys.map((key) => permissionDefinition(key)?.label[language] ?? key);
  if (labels.length <= SHOWN_PERMISSIONS) return <>{labels.join(', ')}</>;
  // Compact by default: a review table of hundreds of accounts stays readable; the rest is one click away.
  return (
    <details>
      <summary>
        {labels.slice(0, SHOWN_PERMISSIONS).join(', ')}, … ({t('accessReview.permissionCount', { count: labels.length })})
      </summary>
      <ul className="plain-list">
        {labels.map((label) => (
          <li key={label}>{label}</li>
        ))}
      </ul>
    </details>
  );
}

function AccountRow({ account, format }: { account: ReviewAccount; format: Format }) {
  const { t } = useTranslation();
  const rights = account.links.flatMap((link) => link.rights.map((right) => ({ link, right })));
  return (
    <tr>
      <th scope="row">{account.username}</th>
      <td>
        <AccountStatusBadge status={account.status} />
      </td>
      <td>
        <ul className="plain-list">
          {account.links.map((link) => (
            <LinkCell key={link.organisationId} link={link} format={format} />
          ))}
        </ul>
      </td>
      <td>{account.roleGroups.length > 0 ? account.roleGroups.map((g) => g.name).join(', ') : <span className="muted">{t('accessReview.noGroups')}</span>}</td>
      <td>
        <Permissions keys={account.permissions} />
      </td>
      <td>
        {rights.length === 0 ? (
          <span className="muted">{t('accessReview.noRights')}</span>
        ) : (
          <ul className="plain-list">
            {rights.map(({ link, right }) => (
              <li key={right.id}>
                {account.links.length > 1 ? `${link.organisationName} — ` : null}
                <RightText right={right} />
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="cell-number">{format.number(account.visibleTickets)}</td>
      <td className="cell-number">{format.number(account.writableTickets)}</td>
    </tr>
  );
}

const COLUMNS = ['account', 'status', 'organisations', 'roleGroups', 'permissions', 'rights', 'visible', 'writable'] as const;

/** The review as a table: one row per account, its links, rights and counts inside it. */
export function AccessReviewTable({ review }: { review: AccessReview }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (review.accounts.length === 0) return <p className="muted">{t('accessReview.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact access-review-table">
        <caption className="visually-hidden">{t('accessReview.caption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={column === 'visible' || column === 'writable' ? 'cell-number' : undefined}>
                {t(`accessReview.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {review.accounts.map((account) => (
            <AccountRow key={account.accountId} account={account} format={format} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
