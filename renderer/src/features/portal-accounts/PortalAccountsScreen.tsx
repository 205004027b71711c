import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ACCOUNT_COLUMNS } from '../../../../shared/api/portal-accounts';
import type { StaffMember } from '../../../../shared/api/staff';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Link } from '../../router/Link';
import { navigate } from '../../router/use-route';
import { AccountFilters } from './AccountFilters';
import { ActivateDialog, type ActivationAccounts } from './ActivateDialog';
import { AccountTable } from './AccountTable';
import { ColumnChooser } from './ColumnChooser';
import { ImportAccountsDialog } from './ImportAccountsDialog';
import { useBulkAccountChange } from './account-bulk';
import { listFilter, useAccountListStore } from './account-list-store';
import type { AccountAction } from './account-menu';
import { targetCount, type AccountTarget } from './account-target';
import { mayGrantAccess, useAccountColumns } from './portal-account-queries';

/** The main working screen: every portal account, filtered, sorted and paged in the core. */
export function PortalAccountsScreen({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const state = useAccountListStore();
  const filter = listFilter(state);
  const columns = useAccountColumns().data ?? DEFAULT_ACCOUNT_COLUMNS;
  const mayGrant = mayGrantAccess(me);
  const bulk = useBulkAccountChange();
  const [deleting, setDeleting] = useState<AccountTarget | null>(null);
  const [activating, setActivating] = useState<ActivationAccounts | null>(null);
  const [importing, setImporting] = useState(false);

  const onAction = (action: AccountAction, target: AccountTarget) => {
    const first = target.kind === 'rows' ? target.rows[0] : undefined;
    if (action === 'open' && first) navigate({ name: 'account', id: first.id });
    else if (action === 'delete') setDeleting(target);
    else if (action === 'activate') {
      setActivating(target.kind === 'rows' ? { ids: target.rows.map((r) => r.id) } : { matching: { filter: target.filter, exceptIds: [...target.exceptIds] }, count: target.count });
    } else if (action === 'deactivate' || action === 'reactivate') void bulk.run(action, target);
  };

  /** Every account whose invitation ran out (whatever else the list is narrowed to), for "Resend to all expired": found by the core. */
  const resendExpired = () => setActivating({ matching: { filter: { filter: 'invitation_expired' }, exceptIds: [] } });

  const onDelete = async () => {
    if (!deleting) return;
    const target = deleting;
    setDeleting(null);
    await bulk.run('delete', target);
  };

  return (
    <section className="screen screen--wide" aria-busy={bulk.progress !== null}>
      <header className="screen__header">
        <h1>{t('portalAccounts.title')}</h1>
        <div className="screen__actions">
          {mayGrant && state.filter === 'invitation_expired' ? (
            <button type="button" className="button" onClick={resendExpired}>
              {t('portalAccounts.activation.resendExpired')}
            </button>
          ) : null}
          {me.role === 'administrator' ? (
            <Link to={{ name: 'access-review' }} className="button">
              {t('accessReview.open')}
            </Link>
          ) : null}
          <ColumnChooser columns={columns} />
          {mayGrant ? (
            <button type="button" className="button" onClick={() => setImporting(true)}>
              {t('accountImport.open')}
            </button>
          ) : null}
          {mayGrant ? (
            <button type="button" className="button button--primary" onClick={() => navigate({ name: 'account', id: 'new' })}>
              {t('portalAccounts.new')}
            </button>
          ) : null}
        </div>
      </header>
      {mayGrant ? null : <p className="notice">{t('portalAccounts.readOnly')}</p>}
      <AccountFilters />
      {bulk.progress ? (
        <p className="progress" role="status">
          <progress max={bulk.progress.total} value={bulk.progress.done} /> {t('portalAccounts.bulkProgress', { ...bulk.progress })}
        </p>
      ) : null}
      <AccountTable filter={filter} columns={columns} mayGrant={mayGrant} onAction={onAction} />
      {importing ? <ImportAccountsDialog onClose={() => setImporting(false)} /> : null}
      {activating ? <ActivateDialog accounts={activating} onClose={() => setActivating(null)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={t('portalAccounts.deleteTitle')}
          message={
            deleting.kind === 'rows' && deleting.rows.length === 1
              ? t('portalAccounts.deleteText', { name: deleting.rows[0]?.username ?? '' })
              : t('portalAccounts.deleteManyText', { count: targetCount(deleting) })
          }
          confirmLabel={t('portalAccounts.deleteConfirm', { count: targetCount(deleting) })}
          onConfirm={() => void onDelete()}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
