import { useEffect, useId, useRef, useState } from 'react';
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
  // Only a new pause in typing should search; `value` changing from outside must not loop back,
  // so the latest props are read through a ref instead of being effect dependencies.
  const latest = useRef({ value, onSearch });
  useEffect(() => {
    latest.current = { value, onSearch };
  });
  useEffect(() => {
    if (debounced !== latest.current.value) latest.current.onSearch(debounced);
  }, [debounced]);
  return (
    <div className="search-field" role="search">
      <label htmlFor={id}>{t('fields.search')}</label>
      <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" maxLength={200} />
    </div>
  );
}
