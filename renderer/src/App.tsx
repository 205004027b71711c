import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './components/ErrorAlert';
import { Notifications } from './components/Notifications';
import { AppShell } from './features/shell/AppShell';
import { LanguageSync, useEffectiveLanguage } from './features/session/LanguageSync';
import { useCurrentStaff, useSetupStatus } from './features/session/session-queries';
import { SignInScreen } from './features/session/SignInScreen';
import { useRoute } from './router/use-route';

// Shown once per installation, and it checks the password against the blocklist: loaded only then.
const SetupScreen = lazy(() => import('./features/session/SetupScreen').then((m) => ({ default: m.SetupScreen })));
// Before sign-in only when asked for (a link on the sign-in and set-up screens).
const OfficeDatabaseScreen = lazy(() => import('./features/office-database/OfficeDatabaseScreen').then((m) => ({ default: m.OfficeDatabaseScreen })));

/** session:current decides: the app for a signed-in user, else first set-up or sign-in. */
function Gate() {
  const { t, i18n } = useTranslation();
  const current = useCurrentStaff();
  const status = useSetupStatus();
  const language = useEffectiveLanguage();
  const route = useRoute();
  const [started, setStarted] = useState(false);
  // At start only, wait the one render until LanguageSync has switched, so the first screen does not
  // flash in English. Later switches re-render in place (unmounting would lose what the user typed).
  if (!started && language !== null && language === i18n.language) setStarted(true);
  // A failed background refetch keeps the last answer: a signed-in user stays in the app.
  if (started && current.data) return <AppShell me={current.data} />;
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
  if (!started || current.isPending || !status.data) return <p className="loading">{t('app.loading')}</p>;
  const loading = <p className="loading">{t('app.loading')}</p>;
  if (route.name === 'office-database') {
    return (
      <Suspense fallback={loading}>
        <OfficeDatabaseScreen place="before-sign-in" />
      </Suspense>
    );
  }
  return status.data.needsAdministrator ? (
    <Suspense fallback={loading}>
      <SetupScreen />
    </Suspense>
  ) : (
    <SignInScreen />
  );
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
