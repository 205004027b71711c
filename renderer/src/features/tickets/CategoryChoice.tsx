import { useTranslation } from 'react-i18next';
import { fieldErrorMessage, type AnyFieldError } from '../../i18n/error-messages';
import { useTicketCategories } from './ticket-queries';

/** The categories to tick for a ticket; archived ones are no longer offered but stay ticked where they are. */
export function CategoryChoice({ language, chosen, onChange, error }: { language: string; chosen: readonly number[]; onChange: (ids: number[]) => void; error?: AnyFieldError | undefined }) {
  const { t } = useTranslation();
  const categories = useTicketCategories(language);
  const rows = categories.data ?? [];
  if (rows.length === 0) return null;
  return (
    <fieldset className="fieldset">
      <legend>{t('tickets.fields.categories')}</legend>
      {rows.map((c) => (
        <label key={c.id} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(c.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))}
          />{' '}
          {c.name}
        </label>
      ))}
      {error ? <p className="field-error">{fieldErrorMessage(t, error)}</p> : null}
    </fieldset>
  );
}
