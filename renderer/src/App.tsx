import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './components/ErrorAlert';
import { Notifications } from './components/Notifications';
import { AppShell } from './features/shell/AppShell';
import { LanguageSync } from './features/session/LanguageSync';
import { useCurrentStaff, useSetupStatus } from './features/session/session-queries';
import { SetupScreen } from './features/session/SetupScreen';
import { SignInScreen } from './features/session/SignInScreen';

/** session:current decides: the app for a signed-in user, else first set-up or sign-in. */
function Gate() {
  const { t } = useTranslation();
  const current = useCurrentStaff();
  const status = useSetupStatus();
  if (current.data) return <AppShell me={current.data} />;
  const error = current.error ?? status.error;
  if (error) {
    return (
      <main className="auth-page">
        <div className="auth-card">
          <ErrorAlert error={error} />
          <button type="button" className="button" onClick={() => void Promise.all([current.refetch(), status.refetch()])}>
            {t('app.retry')}
          </button>
        </div>
      </main>
    );
  }
  if (current.isPending || !status.data) return <p className="loading">{t('app.loading')}</p>;
  return status.data.needsAdministrator ? <SetupScreen /> : <SignInScreen />;
}

export function App() {
  return (
    <>
      <LanguageSync />
      <Gate />
      <Notifications />
    </>
  );
}
