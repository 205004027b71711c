import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from './use-debounced';

interface SearchFieldProps {
  value: string;
  onSearch: (value: string) => void;
}

/** The "Search" box of a list; the search itself runs in the core's SQL. */
export function SearchField({ value, onSearch }: SearchFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const debounced = useDebounced(text);
  useEffect(() => {
    if (debounced !== value) onSearch(debounced);
    // Only a new pause in typing should search; `value` changing from outside must not loop back.
  }, [debounced]);
  return (
    <div className="search-field" role="search">
      <label htmlFor={id}>{t('fields.search')}</label>
      <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" maxLength={200} />
    </div>
  );
}
