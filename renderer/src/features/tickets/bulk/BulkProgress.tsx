import { useTranslation } from 'react-i18next';
import type { ChunkProgress } from './bulk-run';

/** The progress of a chunked bulk run. */
export function BulkProgress({ progress }: { progress: ChunkProgress | null }) {
  const { t } = useTranslation();
  if (!progress) return null;
  return (
    <p className="progress" role="status">
      <progress max={progress.total} value={progress.done} aria-label={t('ticketBulk.progress', progress)} /> {t('ticketBulk.progress', progress)}
    </p>
  );
}
