import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorMessage, type AnyFieldError } from '../i18n/error-messages';

interface FieldIds {
  inputId: string;
  hintId: string;
  errorId: string;
}

/** aria-describedby for a control: its hint and, when present, its error, so a screen reader reads both. */
function describedBy(ids: FieldIds, hint: ReactNode, error: AnyFieldError | undefined): string | undefined {
  const parts = [hint ? ids.hintId : null, error ? ids.errorId : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function useFieldIds(): FieldIds {
  const base = useId();
  return { inputId: `${base}-input`, hintId: `${base}-hint`, errorId: `${base}-error` };
}

/** Near the limit, how many characters are used: shown from this share of the limit on. */
const COUNTER_FROM = 0.8;

/**
 * A typed text's limit is shown, never enforced by cutting: the browser's maxLength would
 * silently drop what is pasted beyond it. Past the limit the field says so at once, as
 * the core would ("at most N characters").
 */
function lengthState(value: string, maxLength: number | undefined, error: AnyFieldError | undefined): { counter: string | null; error: AnyFieldError | undefined } {
  if (maxLength === undefined) return { counter: null, error };
  // UTF-16 units, as the contract (zod) counts them, so the field and the core agree.
  const length = value.length;
  return {
    counter: length >= maxLength * COUNTER_FROM ? `${length} / ${maxLength}` : null,
    error: error ?? (length > maxLength ? { code: 'too_long', max: maxLength } : undefined),
  };
}

function HintAndError({ ids, hint, error, counter = null }: { ids: FieldIds; hint?: ReactNode; error: AnyFieldError | undefined; counter?: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {hint ? (
        <p className="field-hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      {counter ? (
        <p className="field-hint field-counter" aria-live="polite">
          {t('common.characterCount', { counter })}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={ids.errorId}>
          {fieldErrorMessage(t, error)}
        </p>
      ) : null}
    </>
  );
}

interface CommonProps {
  label: string;
  error?: AnyFieldError | undefined;
  hint?: ReactNode;
}

type TextFieldProps = CommonProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'> & {
    value: string;
    onValueChange: (value: string) => void;
  };

/** A labelled text input that shows its field error beneath it. */
export function TextField({ label, error: given, hint, value, onValueChange, className, maxLength, ...input }: TextFieldProps) {
  const ids = useFieldIds();
  const { counter, error } = lengthState(value, maxLength, given);
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={ids.inputId}>{label}</label>
      <input
        id={ids.inputId}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, hint, error)}
        {...input}
      />
      <HintAndError ids={ids} hint={hint} error={error} counter={counter} />
    </div>
  );
}

type TextAreaFieldProps = CommonProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id'> & {
    value: string;
    onValueChange: (value: string) => void;
  };

/** A labelled multi-line text input (addresses, notes) that shows its field error beneath it. */
export function TextAreaField({ label, error: given, hint, value, onValueChange, className, maxLength, ...textarea }: TextAreaFieldProps) {
  const ids = useFieldIds();
  const { counter, error } = lengthState(value, maxLength, given);
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={ids.inputId}>{label}</label>
      <textarea
        id={ids.inputId}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, hint, error)}
        {...textarea}
      />
      <HintAndError ids={ids} hint={hint} error={error} counter={counter} />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

type SelectFieldProps = CommonProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id'> & {
    value: string;
    options: readonly SelectOption[];
    onValueChange: (value: string) => void;
  };

export function SelectField({ label, error, hint, value, options, onValueChange, className, ...select }: SelectFieldProps) {
  const ids = useFieldIds();
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={ids.inputId}>{label}</label>
      <select
        id={ids.inputId}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, hint, error)}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <HintAndError ids={ids} hint={hint} error={error} />
    </div>
  );
}

type CheckboxFieldProps = CommonProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'checked' | 'onChange' | 'id' | 'type'> & {
    checked: boolean;
    onCheckedChange: (checked: boolean) => void;
  };

export function CheckboxField({ label, error, hint, checked, onCheckedChange, className, ...input }: CheckboxFieldProps) {
  const ids = useFieldIds();
  return (
    <div className={`field field--checkbox${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <input
        id={ids.inputId}
        type="checkbox"
        checked={checked}
        onChange={(event) => onCheckedChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, hint, error)}
        {...input}
      />
      <label htmlFor={ids.inputId}>{label}</label>
      <HintAndError ids={ids} hint={hint} error={error} />
    </div>
  );
}
