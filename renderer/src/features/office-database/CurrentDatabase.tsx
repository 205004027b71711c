import { useTranslation } from 'react-i18next';
import type { OfficeDatabaseStatus } from '../../../../shared/api/office-database';

/** Which database Portier works on now, in one sentence; never a password. */
export function CurrentDatabase({ status }: { status: OfficeDatabaseStatus }) {
  const { t } = useTranslation();
  const { current } = status;
  return (
    <p className="office-database__current">
      <strong>{t('officeDatabase.inUse')}:</strong>{' '}
      {current.kind === 'sqlite'
        ? t('officeDatabase.ownDatabase')
        : t('officeDatabase.officeDatabase', { database: current.address.database, host: current.address.host, port: current.address.port, user: current.address.user })}
    </p>
  );
}
