import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorMessage, type AnyFieldError } from '../../i18n/error-messages';
import { useDebounced } from '../../components/use-debounced';
import { useOrganisationList } from './organisation-queries';

/** An organisation as a form holds it: enough to show its name without another query. */
export interface OrganisationRef {
  id: number;
  name: string;
}

interface OrganisationPickerProps {
  label: string;
  value: OrganisationRef | null;
  onChange: (value: OrganisationRef | null) => void;
  error?: AnyFieldError | undefined;
  /** An organisation that may not be chosen (itself, as its own parent). */
  excludeId?: number | undefined;
  /** Optional pickers can be emptied by clearing the text. */
  optional?: boolean;
}

const PICKER_LIMIT = 12;

/**
 * A combobox (WAI-ARIA 1.2 pattern) searching organisations in the core, so it works
 * the same with ten organisations or ten thousand.
 */
export function OrganisationPicker({ label, value, onChange, error, excludeId, optional = false }: OrganisationPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // When the form sets a new value (after a save or reset), show its name; adjusting state during render avoids an effect.
  const [shownId, setShownId] = useState(value?.id ?? null);
  if ((value?.id ?? null) !== shownId) {
    setShownId(value?.id ?? null);
    setText(value?.name ?? '');
  }
  const search = useDebounced(text === value?.name ? '' : text, 150);
  const list = useOrganisationList({ search, sort: 'name', direction: 'asc', offset: 0, limit: PICKER_LIMIT }, { enabled: open });
  const options = (list.data?.rows ?? []).filter((row) => row.id !== excludeId);

  const choose = (choice: OrganisationRef | null) => {
    onChange(choice);
    setText(choice?.name ?? '');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (options.length === 0 ? 0 : (current + step + options.length) % options.length));
    } else if (event.key === 'Enter' && open) {
      // Enter picks the highlighted organisation instead of submitting the form.
      event.preventDefault();
      const option = options[active];
      if (option) choose({ id: option.id, name: option.name });
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };

  const onBlur = () => {
    setOpen(false);
    if (optional && text.trim() === '') onChange(null);
    else setText(value?.name ?? '');
  };

  const listId = `${id}-list`;
  const activeOption = open ? options[active] : undefined;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <div className={`field picker${error ? ' field--invalid' : ''}`}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="picker__control">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${id}-option-${activeOption.id}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={text}
          maxLength={200}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
        />
        {optional && value ? (
          <button type="button" className="button button--small" onClick={() => choose(null)}>
            {t('common.clear')}
          </button>
        ) : null}
      </div>
      <ul id={listId} role="listbox" className="picker__options" hidden={!open}>
        {open && list.isSuccess && options.length === 0 ? <li className="picker__empty">{t('picker.noMatches')}</li> : null}
        {options.map((option, index) => (
          <li
            key={option.id}
            id={`${id}-option-${option.id}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'picker__option picker__option--active' : 'picker__option'}
            // mousedown, not click: the input's blur would otherwise close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose({ id: option.id, name: option.name });
            }}
          >
            {option.name}
            {option.city ? <span className="picker__detail"> · {option.city}</span> : null}
          </li>
        ))}
      </ul>
      <p className="field-hint" id={`${id}-hint`}>
        {t('hints.picker')}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {fieldErrorMessage(t, error)}
        </p>
      ) : null}
    </div>
  );
}
