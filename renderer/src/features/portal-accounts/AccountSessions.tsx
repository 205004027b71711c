import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalAccount } from '../../../../shared/api/portal-accounts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { useFormat } from '../../i18n/format';
import { useAccountSessions, useEndAccountSessions } from './portal-account-queries';
import { browserOf } from './user-agent';

/**
 * "Portal sessions" on an account's page: where the customer is signed in now (started, last
 * used, address, browser), and "End all sessions" for those who may grant access, after
 * confirming. Ending signs the customer out everywhere; the password stays.
 */
export function AccountSessions({ account, mayGrant }: { account: PortalAccount; mayGrant: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sessions = useAccountSessions(account.id);
  const end = useEndAccountSessions();
  const [confirming, setConfirming] = useState(false);
  const rows = sessions.data ?? [];

  const onEnd = async () => {
    try {
      const { ended } = await end.mutateAsync({ id: account.id });
      notify(t('accountAccess.sessions.ended', { count: ended, name: account.username }));
    } catch {
      // Shown below by ErrorAlert.
    }
    setConfirming(false);
  };

  return (
    <section className="panel" aria-labelledby="account-sessions" aria-busy={sessions.isFetching}>
      <h2 id="account-sessions">{t('accountAccess.sessions.title')}</h2>
      <p className="field-hint">{t('accountAccess.sessions.intro')}</p>
      <ErrorAlert error={sessions.error ?? end.error} />
      {sessions.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {sessions.isSuccess && rows.length === 0 ? <p className="muted">{t('accountAccess.sessions.none')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('accountAccess.sessions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accountAccess.sessions.started')}</th>
                <th scope="col">{t('accountAccess.sessions.lastUsed')}</th>
                <th scope="col">{t('accountAccess.sessions.address')}</th>
                <th scope="col">{t('accountAccess.sessions.browser')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td className="cell-nowrap">
                    <time dateTime={s.startedAt}>{format.dateTime(s.startedAt)}</time>
                    {s.stage === 'two-step' ? <span className="cell-sub">{t('accountAccess.sessions.waitingTwoStep')}</span> : null}
                  </td>
                  <td className="cell-nowrap">
                    <time dateTime={s.lastUsedAt}>{format.dateTime(s.lastUsedAt)}</time>
                  </td>
                  <td>{s.clientAddress}</td>
                  <td title={s.userAgent}>{browserOf(s.userAgent) ?? t('accountAccess.sessions.unknownBrowser')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {mayGrant && rows.length > 0 ? (
        <div className="form__actions">
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)} disabled={end.isPending}>
            {t('accountAccess.sessions.endAll')}
          </button>
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('accountAccess.sessions.confirmTitle')}
          message={t('accountAccess.sessions.confirmText', { name: account.username })}
          confirmLabel={t('accountAccess.sessions.confirm')}
          busy={end.isPending}
          onConfirm={() => void onEnd()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
