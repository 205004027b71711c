import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/api/staff';
import { Link } from '../../router/Link';
import { CurrentDatabase } from './CurrentDatabase';
import { useOfficeDatabaseStatus } from './office-database-queries';

function AdministratorView() {
  const { t } = useTranslation();
  const status = useOfficeDatabaseStatus();
  return (
    <>
      {status.data ? <CurrentDatabase status={status.data} /> : null}
      <p>
        <Link to={{ name: 'office-database' }}>{t('officeDatabase.settingsOpen')}</Link>
      </p>
    </>
  );
}

/** Settings section: which database this desk works on, and the way to the connect screen (administrators only). */
export function OfficeDatabaseSection({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  return (
    <section className="settings-section" aria-labelledby="office-database-title">
      <h2 id="office-database-title">{t('officeDatabase.settingsTitle')}</h2>
      <p className="muted">{t('officeDatabase.settingsIntro')}</p>
      {me.role === 'administrator' ? <AdministratorView /> : <p className="notice">{t('officeDatabase.onlyAdministrators')}</p>}
    </section>
  );
}
