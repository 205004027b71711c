import { useTranslation } from 'react-i18next';
import type { OfficeDatabaseTestResult } from '../../../../shared/api/office-database';

/** What "Test connection" found: the server, the encryption, and Portier's data there. */
export function TestResult({ result }: { result: OfficeDatabaseTestResult }) {
  const { t } = useTranslation();
  const version = { version: result.schemaVersion ?? 0, latest: result.latestVersion };
  return (
    <div className={`alert ${result.schema === 'newer' ? 'alert--error' : 'alert--ok'}`} role="status">
      <p>{t('officeDatabase.connected', { version: result.serverVersion })}</p>
      <p>{result.encrypted ? t('officeDatabase.encrypted') : t('officeDatabase.notEncrypted')}</p>
      <p>{t(`officeDatabase.schema.${result.schema}`, version)}</p>
    </div>
  );
}
