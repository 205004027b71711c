import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ACCOUNT_COLUMNS, type PortalAccountRow } from '../../../../shared/api/portal-accounts';
import type { StaffMember } from '../../../../shared/api/staff';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { navigate } from '../../router/use-route';
import { AccountFilters } from './AccountFilters';
import { ActivateDialog } from './ActivateDialog';
import { AccountTable } from './AccountTable';
import { ColumnChooser } from './ColumnChooser';
import { ImportAccountsDialog } from './ImportAccountsDialog';
import { useBulkAccountChange } from './account-bulk';
import { listFilter, useAccountListStore } from './account-list-store';
import type { AccountAction } from './account-menu';
import { mayGrantAccess, useAccountColumns } from './portal-account-queries';

/** The main working screen: every portal account, filtered, sorted and paged in the core. */
export function PortalAccountsScreen({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const state = useAccountListStore();
  const filter = listFilter(state);
  const columns = useAccountColumns().data ?? DEFAULT_ACCOUNT_COLUMNS;
  const mayGrant = mayGrantAccess(me);
  const bulk = useBulkAccountChange();
  const [deleting, setDeleting] = useState<PortalAccountRow[] | null>(null);
  const [activating, setActivating] = useState<number[] | null>(null);
  const [importing, setImporting] = useState(false);

  const onAction = (action: AccountAction, rows: PortalAccountRow[]) => {
    const first = rows[0];
    if (action === 'open' && first) navigate({ name: 'account', id: first.id });
    else if (action === 'delete') setDeleting(rows);
    else if (action === 'activate') setActivating(rows.map((r) => r.id));
    else if (action === 'deactivate' || action === 'reactivate') void bulk.run(action, rows);
  };

  /** Every account whose invitation ran out (all pages), for "Resend to all expired". */
  const resendExpired = async () => {
    const ids: number[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await call('portal-accounts:list', { filter: 'invitation_expired', offset, limit: 500 });
      ids.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 500) break;
    }
    if (ids.length > 0) setActivating(ids);
  };

  const onDelete = async () => {
    if (!deleting) return;
    const rows = deleting;
    setDeleting(null);
    await bulk.run('delete', rows);
  };

  return (
    <section className="screen screen--wide" aria-busy={bulk.progress !== null}>
      <header className="screen__header">
        <h1>{t('portalAccounts.title')}</h1>
        <div className="screen__actions">
          {mayGrant && state.filter === 'invitation_expired' ? (
            <button type="button" className="button" onClick={() => void resendExpired()}>
              {t('portalAccounts.activation.resendExpired')}
            </button>
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
      {activating ? <ActivateDialog accountIds={activating} onClose={() => setActivating(null)} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={t('portalAccounts.deleteTitle')}
          message={
            deleting.length === 1
              ? t('portalAccounts.deleteText', { name: deleting[0]?.username ?? '' })
              : t('portalAccounts.deleteManyText', { count: deleting.length })
          }
          confirmLabel={t('portalAccounts.deleteConfirm', { count: deleting.length })}
          onConfirm={() => void onDelete()}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
