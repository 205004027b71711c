import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryMeta } from '../api/query-client';
import { fieldErrorMessage, type AnyFieldError } from '../i18n/error-messages';
import { useDebounced } from './use-debounced';

/** A record a picker offers: enough to show it without another query. */
export interface PickerOption {
  id: number;
  name: string;
  /** Shown after the name in the list, e.g. the person's organisation. */
  detail?: string | null;
}

/** One search's answer: the first options and how many match in all. */
export interface PickerPage {
  rows: readonly PickerOption[];
  total: number;
}

/** How the picker asks the core: a query whose key starts with the domain it reads (invalidation). */
export interface PickerQuery {
  queryKey: readonly unknown[];
  queryFn: () => Promise<PickerPage>;
  /** Narrows the cached answer (e.g. leaves out the record being edited). */
  select?: (page: PickerPage) => PickerPage;
  meta?: QueryMeta;
}

/** How many options one search shows; the rest are found by typing. */
export const PICKER_PAGE = 20;

interface SearchPickerProps {
  label: string;
  value: PickerOption | null;
  onChange: (value: PickerOption | null) => void;
  /** The query for the typed text ('' when nothing is typed). */
  query: (search: string) => PickerQuery;
  error?: AnyFieldError | undefined;
  /** Optional pickers can be emptied (a Clear button, or by clearing the text). */
  optional?: boolean;
  required?: boolean;
  disabled?: boolean;
  /** Under the field; the typing hint when not given, none for null (a filter bar). */
  hint?: string | null | undefined;
}

/**
 * A combobox (WAI-ARIA 1.2 pattern) that searches in the core as the user types, so it works
 * the same with ten records or ten thousand: no list is cut at a page size the user cannot
 * see past. When more match than are shown it says so, and typing narrows the list.
 */
export function SearchPicker({ label, value, onChange, query, error, optional = false, required = false, disabled = false, hint }: SearchPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // When the form sets a new value (a reset, a dependent field cleared), show its name; adjusting state during render avoids an effect.
  const [shown, setShown] = useState<PickerOption | null>(value);
  if ((value?.id ?? null) !== (shown?.id ?? null) || value?.name !== shown?.name) {
    setShown(value);
    setText(value?.name ?? '');
  }
  const search = useDebounced(text === (value?.name ?? '') ? '' : text.trim(), 150);
  const list = useQuery({ ...query(search), enabled: open && !disabled, placeholderData: keepPreviousData });
  const options = list.data?.rows ?? [];
  const more = list.data && list.data.total > options.length ? list.data.total : null;

  const choose = (choice: PickerOption | null) => {
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
      // Enter picks the highlighted option instead of submitting the form.
      event.preventDefault();
      const option = options[active];
      if (option) choose(option);
    } else if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };

  const onBlur = () => {
    setOpen(false);
    if (optional && text.trim() === '') {
      if (value) onChange(null);
    } else setText(value?.name ?? '');
  };

  const listId = `${id}-list`;
  const activeOption = open ? options[active] : undefined;
  const hintText = hint === undefined ? t('hints.picker') : hint;
  const describedBy = [hintText ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

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
          aria-required={required || undefined}
          aria-describedby={describedBy}
          disabled={disabled}
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
        {optional && value && !disabled ? (
          <button type="button" className="button button--small" onClick={() => choose(null)}>
            {t('common.clear')}
          </button>
        ) : null}
      </div>
      <ul id={listId} role="listbox" aria-label={label} className="picker__options" hidden={!open}>
        {open && list.isSuccess && options.length === 0 ? <li className="picker__empty">{t('picker.nothingFound')}</li> : null}
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
              choose(option);
            }}
          >
            {option.name}
            {option.detail ? <span className="picker__detail"> · {option.detail}</span> : null}
          </li>
        ))}
        {open && more !== null ? <li className="picker__empty">{t('picker.typeToSearch', { shown: options.length, total: more })}</li> : null}
      </ul>
      {hintText ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hintText}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {fieldErrorMessage(t, error)}
        </p>
      ) : null}
    </div>
  );
}
