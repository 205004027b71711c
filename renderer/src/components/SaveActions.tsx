import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A form's Save button, busy and disabled while it saves, with the form's further actions after it. */
export function SaveActions({ pending, children }: { pending: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
        {t('common.save')}
      </button>
      {children}
    </div>
  );
}
