import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalAccount } from '../../../../shared/api/portal-accounts';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, TextField } from '../../components/Field';
import { PasswordFeedback } from '../../components/PasswordFeedback';
import { notify } from '../../components/notification-store';
import { useForm } from '../../components/use-form';
import { useSetAccountPassword } from './portal-account-queries';

/**
 * "Set password": staff type the customer's password, with the policy's live feedback (the
 * evaluation the core enforces), and choose whether the customer must choose their own at the
 * next sign-in (on by default: a password someone else knows should serve once). A refusal
 * shows next to the field and keeps what was typed.
 */
export function SetPasswordDialog({ account, onDone }: { account: PortalAccount; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ password: '', repeat: '', mustChangePassword: true });
  const setPassword = useSetAccountPassword();
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const context = { username: account.username, organisationNames: account.links.map((l) => l.organisationName) };

  const onConfirm = async () => {
    form.clearErrors();
    if (form.values.password !== form.values.repeat) {
      form.failFields({ repeat: { code: 'passwords_differ' } });
      return;
    }
    setBusy(true);
    try {
      await setPassword.mutateAsync({ id: account.id, password: form.values.password, mustChangePassword: form.values.mustChangePassword });
      notify(t('accountAccess.setPassword.done', { name: account.username }));
      onDone();
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('accountAccess.setPassword.title', { name: account.username })}
      onClose={onDone}
      actions={
        <>
          {/* The form's submit button, outside it: Enter in a field sets the password too. */}
          <button type="submit" form={formId} className="button button--primary" disabled={busy} aria-busy={busy}>
            {t('accountAccess.setPassword.confirm')}
          </button>
          <button type="button" className="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      <p>{t('accountAccess.setPassword.intro')}</p>
      <ErrorAlert error={form.error} />
      <form
        id={formId}
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onConfirm();
        }}
      >
        <TextField
          label={t('accountAccess.setPassword.password')}
          type="password"
          value={form.values.password}
          onValueChange={(v) => form.set('password', v)}
          error={form.fieldErrors.password}
          maxLength={1024}
          autoComplete="new-password"
        />
        {form.values.password ? <PasswordFeedback password={form.values.password} context={context} /> : null}
        <TextField
          label={t('accountAccess.setPassword.repeat')}
          type="password"
          value={form.values.repeat}
          onValueChange={(v) => form.set('repeat', v)}
          error={form.fieldErrors.repeat}
          maxLength={1024}
          autoComplete="new-password"
        />
        <CheckboxField
          label={t('accountAccess.setPassword.mustChange')}
          hint={t('accountAccess.setPassword.mustChangeHint')}
          checked={form.values.mustChangePassword}
          onCheckedChange={(v) => form.set('mustChangePassword', v)}
          error={form.fieldErrors.mustChangePassword}
        />
      </form>
    </Dialog>
  );
}
