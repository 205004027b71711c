import { useTranslation } from 'react-i18next';
import { CLOCKS_APART_MS, type OfficeDatabaseTestResult } from '../../../../shared/api/office-database';

/** What "Test connection" found: the server, the encryption, Portier's data there, and a server clock too far from this computer's. */
export function TestResult({ result }: { result: OfficeDatabaseTestResult }) {
  const { t } = useTranslation();
  const version = { version: result.schemaVersion ?? 0, latest: result.latestVersion };
  const clockApart = Math.abs(result.clockOffsetMs) >= CLOCKS_APART_MS;
  return (
    <>
      <div className={`alert ${result.schema === 'newer' ? 'alert--error' : 'alert--ok'}`} role="status">
        <p>{t('officeDatabase.connected', { version: result.serverVersion })}</p>
        <p>{result.encrypted ? t('officeDatabase.encrypted') : t('officeDatabase.notEncrypted')}</p>
        <p>{t(`officeDatabase.schema.${result.schema}`, version)}</p>
      </div>
      {clockApart ? (
        <div className="alert alert--error" role="alert">
          {t(result.clockOffsetMs > 0 ? 'officeDatabase.clockAhead' : 'officeDatabase.clockBehind', { seconds: Math.round(Math.abs(result.clockOffsetMs) / 1000) })}
        </div>
      ) : null}
    </>
  );
}
