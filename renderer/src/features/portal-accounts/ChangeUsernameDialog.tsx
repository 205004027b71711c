import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalAccount } from '../../../../shared/api/portal-accounts';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { useForm } from '../../components/use-form';
import { useChangeUsername } from './portal-account-queries';

/** Changing the sign-in name: a deliberate step that says what it breaks before it does it. */
export function ChangeUsernameDialog({ account, onDone }: { account: PortalAccount; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ username: account.username });
  const change = useChangeUsername();
  const [busy, setBusy] = useState(false);

  const onConfirm = async () => {
    setBusy(true);
    form.clearErrors();
    try {
      const saved = await change.mutateAsync({ id: account.id, username: form.values.username });
      notify(t('portalAccounts.usernameChanged', { name: saved.username }));
      onDone();
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('portalAccounts.changeUsernameTitle')}
      onClose={onDone}
      actions={
        <>
          <button type="button" className="button button--primary" onClick={() => void onConfirm()} disabled={busy} aria-busy={busy}>
            {t('portalAccounts.changeUsernameTitle')}
          </button>
          <button type="button" className="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      <p>{t('portalAccounts.changeUsernameText')}</p>
      <ErrorAlert error={form.error} />
      <TextField
        label={t('portalAccounts.newUsername')}
        type="email"
        value={form.values.username}
        onValueChange={(v) => form.set('username', v)}
        error={form.fieldErrors.username}
        maxLength={254}
        autoComplete="off"
      />
    </Dialog>
  );
}
