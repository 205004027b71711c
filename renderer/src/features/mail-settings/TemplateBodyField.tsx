import { useId, type Ref, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorMessage, type AnyFieldError } from '../../i18n/error-messages';

interface TemplateBodyFieldProps {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  onSelect: (event: SyntheticEvent<HTMLTextAreaElement>) => void;
  error: AnyFieldError | undefined;
  /** Lines naming the placeholders at fault, shown with the field's error. */
  details: readonly string[];
  disabled: boolean;
  ref: Ref<HTMLTextAreaElement>;
}

/** The HTML body: a monospace textarea with its field error and the placeholders it names. */
export function TemplateBodyField({ label, value, onValueChange, onSelect, error, details, disabled, ref }: TemplateBodyFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const invalid = Boolean(error) || details.length > 0;
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <textarea
        id={`${id}-input`}
        ref={ref}
        value={value}
        rows={16}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', width: '100%' }}
        onChange={(event) => onValueChange(event.target.value)}
        onSelect={onSelect}
        disabled={disabled}
        maxLength={50_000}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
      />
      {invalid ? (
        <div className="field-error" id={`${id}-error`}>
          {error ? <p>{fieldErrorMessage(t, error)}</p> : null}
          {details.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
