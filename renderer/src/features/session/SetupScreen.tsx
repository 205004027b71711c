import type { FormEvent } from 'react';
import { DEFAULT_PASSWORD_POLICY } from '../../../../shared/api/password-policy';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { PasswordFeedback } from '../../components/PasswordFeedback';
import { useForm } from '../../components/use-form';
import { isUiLanguage } from '../../i18n/i18n';
import { Link } from '../../router/Link';
import { AuthLayout } from './AuthLayout';
import { useCreateAdministrator } from './session-queries';

/** First start: create the first administrator, who is then signed in. */
export function SetupScreen() {
  const { t, i18n } = useTranslation();
  const create = useCreateAdministrator();
  const form = useForm({ name: '', email: '', password: '', confirmPassword: '' });
  const { values, set, fieldErrors } = form;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (values.password !== values.confirmPassword) {
      form.failFields({ confirmPassword: { code: 'passwords_differ' } });
      return;
    }
    form.clearErrors();
    try {
      const member = await create.mutateAsync({
        name: values.name,
        email: values.email,
        password: values.password,
        // The language the administrator chose to read this screen in is the one they get.
        language: isUiLanguage(i18n.language) ? i18n.language : 'en',
      });
      notify(t('setup.created', { name: member.name }));
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <AuthLayout title={t('setup.title')} intro={t('setup.intro')}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={form.error} />
        <TextField label={t('fields.name')} value={values.name} onValueChange={(v) => set('name', v)} error={fieldErrors.name} autoComplete="name" maxLength={120} required />
        <TextField label={t('fields.email')} type="email" value={values.email} onValueChange={(v) => set('email', v)} error={fieldErrors.email} autoComplete="email" maxLength={254} required />
        <TextField
          label={t('fields.password')}
          type="password"
          value={values.password}
          onValueChange={(v) => set('password', v)}
          error={fieldErrors.password}
          hint={t('sessionSettings.passwordHint')}
          autoComplete="new-password"
          maxLength={1024}
          required
        />
        {/* Nobody is signed in yet, so the stored policy cannot be read: a new database has the default one. */}
        {values.password ? <PasswordFeedback password={values.password} context={{ username: values.email }} policy={DEFAULT_PASSWORD_POLICY} /> : null}
        <TextField
          label={t('fields.confirmPassword')}
          type="password"
          value={values.confirmPassword}
          onValueChange={(v) => set('confirmPassword', v)}
          error={fieldErrors.confirmPassword}
          autoComplete="new-password"
          maxLength={1024}
          required
        />
        <button type="submit" className="button button--primary button--wide" disabled={create.isPending} aria-busy={create.isPending}>
          {t('setup.submit')}
        </button>
      </form>
      <p className="auth-card__footer">
        <Link to={{ name: 'office-database' }}>{t('officeDatabase.link')}</Link>
      </p>
    </AuthLayout>
  );
}
