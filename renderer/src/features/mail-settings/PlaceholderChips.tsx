import { useTranslation } from 'react-i18next';
import { placeholderText } from './template-placeholders';

interface PlaceholderChipsProps {
  allowed: readonly string[];
  required: readonly string[];
  disabled: boolean;
  onInsert: (name: string) => void;
}

/** The placeholders a template may use; a click inserts one where the cursor was. */
export function PlaceholderChips({ allowed, required, disabled, onInsert }: PlaceholderChipsProps) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <p id="placeholder-chips-label">{t('mailSettings.templates.placeholders')}</p>
      <ul className="toolbar toolbar--wrap plain-list" aria-labelledby="placeholder-chips-label">
        {allowed.map((name) => (
          <li key={name}>
            <button
              type="button"
              className="button button--small"
              disabled={disabled}
              // Keeps the focus (and the selection) in the field being edited.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onInsert(name)}
              // The name holds all the visible text ("· required" too), so speech users can say what they see (WCAG 2.5.3).
              aria-label={t('mailSettings.templates.insert', {
                name: `${placeholderText(name)}${required.includes(name) ? ` · ${t('mailSettings.templates.required')}` : ''}`,
                interpolation: { escapeValue: false },
              })}
            >
              <code>{placeholderText(name)}</code>
              {required.includes(name) ? <span className="muted"> · {t('mailSettings.templates.required')}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
