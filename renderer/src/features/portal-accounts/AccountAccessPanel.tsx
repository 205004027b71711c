import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalAccount } from '../../../../shared/api/portal-accounts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { useFormat } from '../../i18n/format';
import { AccountStatusBadge } from './AccountStatusBadge';
import { ActivateDialog } from './ActivateDialog';
import { ChangeUsernameDialog } from './ChangeUsernameDialog';
import { SendSetPasswordLinkDialog } from './SendSetPasswordLinkDialog';
import { SetPasswordDialog } from './SetPasswordDialog';
import { useSetAccountActive } from './portal-account-queries';

/** Where the account stands, and the deliberate access actions: a password (typed, or a link by mail), change username, deactivate or reactivate. */
export function AccountAccessPanel({ account, mayGrant }: { account: PortalAccount; mayGrant: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const setActive = useSetAccountActive();
  const [renaming, setRenaming] = useState(false);
  const [activating, setActivating] = useState(false);
  const [passwordAction, setPasswordAction] = useState<'set' | 'link' | null>(null);
  const mayActivate = account.active && ['no_access', 'invited', 'invitation_expired'].includes(account.status);
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : t('common.none'));

  const toggleActive = async () => {
    try {
      const saved = await setActive.mutateAsync({ id: account.id, active: !account.active });
      notify(t(saved.active ? 'portalAccounts.reactivated' : 'portalAccounts.deactivated', { name: saved.username }));
    } catch {
      // Shown below by ErrorAlert.
    }
  };

  return (
    <section className="panel" aria-labelledby="account-access">
      <h2 id="account-access">{t('portalAccounts.access')}</h2>
      <dl className="facts">
        <dt>{t('portalAccounts.columns.username')}</dt>
        <dd className="cell-strong">{account.username}</dd>
        <dt>{t('portalAccounts.status')}</dt>
        <dd>
          <AccountStatusBadge status={account.status} /> <span className="muted">{account.hasPassword ? t('portalAccounts.hasPassword') : t('portalAccounts.noPassword')}</span>
          {account.mustChangePassword ? <span className="muted"> · {t('accountAccess.mustChangePassword')}</span> : null}
        </dd>
        <dt>{t('accountAccess.twoStepLogin')}</dt>
        <dd>{t(`portalAccounts.twoStepMethods.${account.twoStepMethod ?? 'none'}`)}</dd>
        <dt>{t('portalAccounts.columns.activationSentAt')}</dt>
        <dd>
          {when(account.activationSentAt)}
          {account.activationSentByName ? ` ${t('portalAccounts.sentBy', { name: account.activationSentByName })}` : ''}
          {account.activationExpiresAt ? ` · ${t('portalAccounts.expires', { date: format.dateTime(account.activationExpiresAt) })}` : ''}
        </dd>
        <dt>{t('portalAccounts.columns.activatedAt')}</dt>
        <dd>{when(account.activatedAt)}</dd>
        <dt>{t('portalAccounts.columns.lastSignInAt')}</dt>
        <dd>{account.lastSignInAt ? format.dateTime(account.lastSignInAt) : t('portalAccounts.neverSignedIn')}</dd>
      </dl>
      <ErrorAlert error={setActive.error} />
      {mayGrant ? (
        <div className="form__actions">
          {mayActivate ? (
            <button type="button" className="button button--primary" onClick={() => setActivating(true)}>
              {t('portalAccounts.activation.action')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setPasswordAction('set')}>
            {t('accountAccess.setPassword.action')}
          </button>
          {account.active ? (
            <button type="button" className="button" onClick={() => setPasswordAction('link')}>
              {t('accountAccess.sendLink.action')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setRenaming(true)}>
            {t('portalAccounts.changeUsername')}
          </button>
          <button type="button" className={`button${account.active ? ' button--danger' : ''}`} onClick={() => void toggleActive()} disabled={setActive.isPending}>
            {account.active ? t('portalAccounts.actions.deactivate') : t('portalAccounts.actions.reactivate')}
          </button>
        </div>
      ) : null}
      {renaming ? <ChangeUsernameDialog account={account} onDone={() => setRenaming(false)} /> : null}
      {passwordAction === 'set' ? <SetPasswordDialog account={account} onDone={() => setPasswordAction(null)} /> : null}
      {passwordAction === 'link' ? <SendSetPasswordLinkDialog account={account} onDone={() => setPasswordAction(null)} /> : null}
      {activating ? <ActivateDialog accounts={{ ids: [account.id] }} onClose={() => setActivating(false)} /> : null}
    </section>
  );
}
