import { useTranslation } from 'react-i18next';
import { isAppError } from '../../../../../shared/errors';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** A bulk dialog's error; "another bulk action is running" says so, rather than the generic conflict text. */
export function BulkError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isAppError(error) && error.code === 'CONFLICT' && error.params?.reason === 'ticket_job_running') {
    return (
      <div className="alert alert--error" role="alert">
        {t('ticketBulk.jobRunning')}
      </div>
    );
  }
  return <ErrorAlert error={error} />;
}
