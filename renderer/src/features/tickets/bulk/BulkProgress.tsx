import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { JobProgress } from './use-ticket-job';

/** How far a bulk job is ("1,500 of 10,000 tickets"), and that stopping changes nothing once asked for. */
export function BulkProgress({ progress, stopping }: { progress: JobProgress | null; stopping: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!progress) return null;
  const text = t('ticketBulk.progress', { done: format.number(progress.done), total: format.number(progress.total) });
  return (
    <>
      <p className="progress" role="status">
        <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={text} /> {text}
      </p>
      {stopping ? <p role="status">{t('ticketBulk.stopping')}</p> : null}
    </>
  );
}
