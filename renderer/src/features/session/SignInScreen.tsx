import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { useForm } from '../../components/use-form';
import { Link } from '../../router/Link';
import { AuthLayout } from './AuthLayout';
import { useSignIn } from './session-queries';

/** Staff sign-in; what was typed stays on a failed attempt so only the typo needs fixing. */
export function SignInScreen() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const form = useForm({ email: '', password: '' });
  const { values, set, fieldErrors } = form;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    form.clearErrors();
    try {
      await signIn.mutateAsync({ email: values.email, password: values.password });
    } catch (error) {
      form.fail(error);
    }
  };

  return (
    <AuthLayout title={t('signIn.title')} intro={t('signIn.intro')}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={form.error} />
        <TextField label={t('fields.email')} type="email" value={values.email} onValueChange={(v) => set('email', v)} error={fieldErrors.email} autoComplete="username" maxLength={254} required />
        <TextField
          label={t('fields.password')}
          type="password"
          value={values.password}
          onValueChange={(v) => set('password', v)}
          error={fieldErrors.password}
          autoComplete="current-password"
          maxLength={1024}
          required
        />
        <button type="submit" className="button button--primary button--wide" disabled={signIn.isPending} aria-busy={signIn.isPending}>
          {t('signIn.submit')}
        </button>
      </form>
      <p className="auth-card__footer">
        <Link to={{ name: 'office-database' }}>{t('officeDatabase.link')}</Link>
      </p>
    </AuthLayout>
  );
}
