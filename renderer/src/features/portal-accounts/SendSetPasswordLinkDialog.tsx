import { useTranslation } from 'react-i18next';
import type { PortalAccount } from '../../../../shared/api/portal-accounts';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { useFormat } from '../../i18n/format';
import { navigate } from '../../router/use-route';
import { useActivationSettings } from '../mail-settings/mail-settings-queries';
import { useSendSetPasswordLink } from './portal-account-queries';

/**
 * "Send set-password link": says who gets the mail and how long the link lasts (from the
 * settings), then queues it. Without a portal address the link would lead nowhere: the dialog
 * says so and offers Settings (the core refuses too).
 */
export function SendSetPasswordLinkDialog({ account, onDone }: { account: PortalAccount; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const settings = useActivationSettings();
  const send = useSendSetPasswordLink();
  const noPortalAddress = settings.data?.portalUrl === '';

  const onConfirm = async () => {
    try {
      const { expiresAt } = await send.mutateAsync({ id: account.id });
      notify(t('accountAccess.sendLink.done', { name: account.username, date: format.dateTime(expiresAt) }));
      onDone();
    } catch {
      // Shown in the dialog by ErrorAlert; nothing was sent.
    }
  };

  return (
    <Dialog
      title={t('accountAccess.sendLink.title')}
      onClose={onDone}
      actions={
        <>
          {noPortalAddress ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                onDone();
                navigate({ name: 'settings' });
              }}
            >
              {t('portalAccounts.activation.openSettings')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--primary"
            onClick={() => void onConfirm()}
            disabled={send.isPending || !settings.data || noPortalAddress}
            aria-busy={send.isPending}
          >
            {t('accountAccess.sendLink.confirm')}
          </button>
          <button type="button" className="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      <ErrorAlert error={settings.error ?? send.error} />
      {noPortalAddress ? (
        <p className="alert" role="alert">
          {t('accountAccess.sendLink.noPortalAddress')}
        </p>
      ) : null}
      {settings.data ? <p>{t('accountAccess.sendLink.intro', { name: account.username, hours: settings.data.setPasswordHours })}</p> : <p className="muted">{t('app.loading')}</p>}
    </Dialog>
  );
}
