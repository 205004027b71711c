import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UiLanguage } from '../../../../shared/api/common';
import { StaffRole, STAFF_ROLES, type StaffMember } from '../../../../shared/api/staff';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { uiLanguageOptions } from '../../components/language-options';
import { notify } from '../../components/notification-store';
import { useForm } from '../../components/use-form';
import { PasswordFeedback } from '../../components/PasswordFeedback';
import { navigate } from '../../router/use-route';
import { useCreateStaffMember, useUpdateStaffMember } from './staff-queries';

interface StaffFormValues {
  name: string;
  email: string;
  role: StaffRole;
  mayGrantAccess: boolean;
  language: UiLanguage;
  active: boolean;
  password: string;
}

const emptyStaff: StaffFormValues = { name: '', email: '', role: 'staff', mayGrantAccess: false, language: 'en', active: true, password: '' };

const toForm = (m: StaffMember): StaffFormValues => ({
  name: m.name,
  email: m.email,
  role: m.role,
  mayGrantAccess: m.mayGrantAccess,
  language: m.language,
  active: m.active,
  password: '',
});

/** Create a staff user, or edit one (role, flag, language, active, optionally a new password). */
export function StaffForm({ member }: { member?: StaffMember }) {
  const { t } = useTranslation();
  const form = useForm(member ? toForm(member) : emptyStaff);
  const { values, set, fieldErrors } = form;
  const create = useCreateStaffMember();
  const update = useUpdateStaffMember();
  const saving = create.isPending || update.isPending;
  const administrator = values.role === 'administrator';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    const fields = { name: values.name, email: values.email, role: values.role, mayGrantAccess: values.mayGrantAccess || administrator, language: values.language };
    try {
      if (member) {
        // An empty password field means: keep the current password.
        const saved = await update.mutateAsync({ ...fields, id: member.id, active: values.active, password: values.password || null });
        form.setValues(toForm(saved));
        notify(t('staff.saved', { name: saved.name }));
      } else {
        const created = await create.mutateAsync({ ...fields, password: values.password });
        notify(t('staff.created', { name: created.name }));
        navigate({ name: 'staff-member', id: created.id }, { replace: true });
      }
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorAlert error={form.error} />
      <TextField label={t('fields.name')} value={values.name} onValueChange={(v) => set('name', v)} error={fieldErrors.name} maxLength={120} autoComplete="off" required />
      <TextField label={t('fields.email')} type="email" value={values.email} onValueChange={(v) => set('email', v)} error={fieldErrors.email} maxLength={254} autoComplete="off" required />
      <SelectField
        label={t('fields.role')}
        value={values.role}
        options={STAFF_ROLES.map((role) => ({ value: role, label: t(`staff.roles.${role}`) }))}
        onValueChange={(v) => set('role', StaffRole.catch('staff').parse(v))}
        error={fieldErrors.role}
      />
      <CheckboxField
        label={t('fields.mayGrantAccess')}
        checked={values.mayGrantAccess || administrator}
        disabled={administrator}
        hint={administrator ? t('hints.administratorGrants') : undefined}
        onCheckedChange={(v) => set('mayGrantAccess', v)}
        error={fieldErrors.mayGrantAccess}
      />
      <SelectField
        label={t('fields.language')}
        value={values.language}
        options={uiLanguageOptions(t)}
        onValueChange={(v) => set('language', UiLanguage.catch('en').parse(v))}
        error={fieldErrors.language}
      />
      {member ? <CheckboxField label={t('fields.active')} checked={values.active} onCheckedChange={(v) => set('active', v)} error={fieldErrors.active} /> : null}
      <TextField
        label={t('fields.password')}
        type="password"
        value={values.password}
        onValueChange={(v) => set('password', v)}
        error={fieldErrors.password}
        hint={member ? t('hints.newPassword') : t('hints.password')}
        maxLength={256}
        autoComplete="new-password"
        required={!member}
      />
      {values.password ? <PasswordFeedback password={values.password} context={{ username: values.email }} /> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={() => navigate({ name: 'staff' })}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
