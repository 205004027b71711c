import { useTranslation } from 'react-i18next';
import { isAppError } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../router/Link';
import { CurrentDatabase } from './CurrentDatabase';
import { OfficeDatabaseForm } from './OfficeDatabaseForm';
import { useOfficeDatabaseStatus } from './office-database-queries';

/** What the screen shows under its title: the database in use and the form, or why this caller may not choose. */
function ConnectBody() {
  const { t } = useTranslation();
  const status = useOfficeDatabaseStatus();
  if (status.error) {
    // A browser tab before sign-in is refused by the core (it could point the server anywhere); so is staff.
    if (isAppError(status.error) && status.error.code === 'UNAUTHENTICATED') return <p className="notice">{t('officeDatabase.browserBeforeSignIn')}</p>;
    if (isAppError(status.error) && status.error.code === 'FORBIDDEN') return <p className="notice">{t('officeDatabase.onlyAdministrators')}</p>;
    return <ErrorAlert error={status.error} />;
  }
  if (!status.data) return <p className="muted">{t('app.loading')}</p>;
  return (
    <>
      <CurrentDatabase status={status.data} />
      {status.data.chosenBy === 'command-line' ? <p className="notice">{t('officeDatabase.chosenByCommandLine')}</p> : null}
      {status.data.chosenBy !== 'command-line' && !status.data.canSwitch ? <p className="notice">{t('officeDatabase.cannotSwitch')}</p> : null}
      <OfficeDatabaseForm status={status.data} />
    </>
  );
}

/**
 * "Connect to an office database": inside the app for administrators (from Settings), and
 * before sign-in (a link on the sign-in and first set-up screens), where the core lets only
 * the desktop window choose.
 */
export function OfficeDatabaseScreen({ place }: { place: 'app' | 'before-sign-in' }) {
  const { t } = useTranslation();
  if (place === 'app') {
    return (
      <section className="screen office-database">
        <header className="screen__header">
          <h1>{t('officeDatabase.title')}</h1>
          <Link to={{ name: 'settings' }}>{t('officeDatabase.backToSettings')}</Link>
        </header>
        <p className="muted">{t('officeDatabase.intro')}</p>
        <ConnectBody />
      </section>
    );
  }
  return (
    <main className="auth-page">
      <div className="auth-card auth-card--wide office-database">
        <p className="brand brand--large" aria-hidden="true">
          {t('app.name')}
        </p>
        <h1>{t('officeDatabase.title')}</h1>
        <p className="muted">{t('officeDatabase.intro')}</p>
        <ConnectBody />
        <p className="auth-card__footer">
          <Link to={{ name: 'organisations' }}>{t('officeDatabase.backToSignIn')}</Link>
        </p>
      </div>
    </main>
  );
}
