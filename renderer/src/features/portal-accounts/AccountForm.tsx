import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactLanguage } from '../../../../shared/api/common';
import type { PortalAccount } from '../../../../shared/api/portal-accounts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { contactLanguageOptions } from '../../components/language-options';
import { notify } from '../../components/notification-store';
import { PasswordFeedback } from '../../components/PasswordFeedback';
import { recordVersion, useForm } from '../../components/use-form';
import { navigate } from '../../router/use-route';
import { accountToForm, emptyAccount, formToCreate, formToUpdate, type AccountPreset } from './account-form-values';
import { LinksEditor } from './LinksEditor';
import { useCreateAccount, useDeleteAccount, useUpdateAccount } from './portal-account-queries';
import { RoleGroupChoice } from './RoleGroupChoice';

interface AccountFormProps {
  account?: PortalAccount;
  preset?: AccountPreset | null;
  /** False for staff who may not grant portal access: everything is shown, nothing can be changed. */
  mayGrant: boolean;
}

/** Create or edit a portal account; without `account` it creates one. */
export function AccountForm({ account, preset = null, mayGrant }: AccountFormProps) {
  const { t } = useTranslation();
  const form = useForm(account ? accountToForm(account) : emptyAccount(preset), recordVersion(account));
  const { values, set, fieldErrors } = form;
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const remove = useDeleteAccount();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const saving = create.isPending || update.isPending;
  const readOnly = !mayGrant;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    form.clearErrors();
    try {
      if (account) {
        const saved = await update.mutateAsync(formToUpdate(account.id, values));
        form.setValues(accountToForm(saved));
        notify(t('portalAccounts.saved', { name: saved.username }));
      } else {
        const created = await create.mutateAsync(formToCreate(values));
        notify(t('portalAccounts.created', { name: created.username }));
        navigate({ name: 'account', id: created.id }, { replace: true });
      }
    } catch (error) {
      form.fail(error);
    }
  };

  const onDelete = async () => {
    if (!account) return;
    try {
      await remove.mutateAsync({ id: account.id });
      setConfirmingDelete(false);
      notify(t('portalAccounts.deleted', { name: account.username }));
      navigate({ name: 'accounts' }, { replace: true });
    } catch (error) {
      setConfirmingDelete(false);
      form.fail(error);
    }
  };

  const organisationNames = values.links.map((l) => l.organisation?.name ?? null);
  return (
    <form className="form form--wide" onSubmit={onSubmit} noValidate aria-label={t('portalAccounts.details')}>
      {readOnly ? <p className="notice">{t('portalAccounts.readOnly')}</p> : null}
      <ErrorAlert error={form.error} />
      <fieldset className="fieldset" disabled={readOnly}>
        <legend>{t('portalAccounts.details')}</legend>
        {account ? null : (
          <TextField
            label={t('portalAccounts.fields.username')}
            type="email"
            value={values.username}
            onValueChange={(v) => set('username', v)}
            error={fieldErrors.username}
            maxLength={254}
            autoComplete="off"
            required
          />
        )}
        <div className="field-row">
          <TextField label={t('portalAccounts.fields.nickname')} value={values.nickname} onValueChange={(v) => set('nickname', v)} error={fieldErrors.nickname} maxLength={80} autoComplete="off" />
          <SelectField
            label={t('portalAccounts.fields.language')}
            value={values.language}
            options={contactLanguageOptions(t)}
            onValueChange={(v) => set('language', ContactLanguage.catch('default').parse(v))}
            error={fieldErrors.language}
          />
        </div>
        <TextField label={t('portalAccounts.fields.description')} value={values.description} onValueChange={(v) => set('description', v)} error={fieldErrors.description} maxLength={500} />
        <TextField
          label={t('portalAccounts.fields.recoveryEmail')}
          type="email"
          value={values.recoveryEmail}
          onValueChange={(v) => set('recoveryEmail', v)}
          error={fieldErrors.recoveryEmail}
          maxLength={254}
          autoComplete="off"
        />
        {account ? null : (
          <>
            <CheckboxField label={t('portalAccounts.fields.active')} checked={values.active} onCheckedChange={(v) => set('active', v)} error={fieldErrors.active} />
            <TextField
              label={t('portalAccounts.fields.password')}
              type="password"
              value={values.password}
              onValueChange={(v) => set('password', v)}
              error={fieldErrors.password}
              hint={t('portalAccounts.passwordHint')}
              maxLength={1024}
              autoComplete="new-password"
            />
            {values.password ? <PasswordFeedback password={values.password} context={{ username: values.username, organisationNames }} /> : null}
          </>
        )}
      </fieldset>
      <LinksEditor links={values.links} onChange={(links) => set('links', links)} error={fieldErrors.links} disabled={readOnly} />
      <RoleGroupChoice value={values.roleGroupIds} onChange={(ids) => set('roleGroupIds', ids)} error={fieldErrors.roleGroupIds} disabled={readOnly} />
      {readOnly ? null : (
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
            {t('common.save')}
          </button>
          {account ? (
            <button type="button" className="button button--danger" onClick={() => setConfirmingDelete(true)} disabled={remove.isPending}>
              {t('common.delete')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => navigate({ name: 'accounts' })}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      )}
      {confirmingDelete && account ? (
        <ConfirmDialog
          title={t('portalAccounts.deleteTitle')}
          message={t('portalAccounts.deleteText', { name: account.username })}
          confirmLabel={t('portalAccounts.deleteConfirm', { count: 1 })}
          busy={remove.isPending}
          onConfirm={() => void onDelete()}
          onCancel={() => setConfirmingDelete(false)}
        />
      ) : null}
    </form>
  );
}
