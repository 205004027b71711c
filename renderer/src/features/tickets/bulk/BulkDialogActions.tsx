import { useTranslation } from 'react-i18next';

/** Where a bulk dialog stands: choosing, looking at the dry run, running as a job, or showing the report. */
export type BulkStage = 'choose' | 'preview' | 'running' | 'report';

interface Props {
  stage: BulkStage;
  /** How many tickets the dry run says would change: the run button's count (disabled at 0). */
  toChange: number;
  /** Whether the choices are complete enough for a dry run. */
  canPreview: boolean;
  onClose: () => void;
  onStop: () => void;
  /** A stop was asked for: the button waits for the job to roll back. */
  stopping?: boolean;
  onBack: () => void;
  onPreview: () => void;
  onRun: () => void;
}

/** The buttons of a bulk dialog (bulk update, change primary project), the same at every stage. */
export function BulkDialogActions({ stage, toChange, canPreview, onClose, onStop, stopping = false, onBack, onPreview, onRun }: Props) {
  const { t } = useTranslation();
  switch (stage) {
    case 'report':
      return (
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('ticketBulk.close')}
        </button>
      );
    case 'running':
      return (
        <button type="button" className="button" disabled={stopping} onClick={onStop}>
          {t('ticketBulk.stop')}
        </button>
      );
    case 'preview':
      return (
        <>
          <button type="button" className="button" onClick={onBack}>
            {t('ticketBulk.back')}
          </button>
          <button type="button" className="button button--primary" disabled={toChange === 0} onClick={onRun}>
            {t('ticketBulk.run', { count: toChange })}
          </button>
        </>
      );
    case 'choose':
      return (
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={!canPreview} onClick={onPreview}>
            {t('ticketBulk.preview')}
          </button>
        </>
      );
  }
}
