import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-messages';

/** An error that belongs to no single field (or a summary of field errors), announced at once. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="alert alert--error" role="alert">
      {errorMessage(t, error)}
    </div>
  );
}
