import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_COLUMNS, type AccountColumn } from '../../../../shared/api/portal-accounts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSetAccountColumns } from './portal-account-queries';

/**
 * "Columns": a disclosure with a checkbox per column, saved per staff user in the core.
 * The username always stays, so a row can always be recognised.
 */
export function ColumnChooser({ columns }: { columns: readonly AccountColumn[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const save = useSetAccountColumns();
  const panelId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const toggle = (column: AccountColumn, on: boolean) => {
    const next = on ? [...columns, column] : columns.filter((c) => c !== column);
    save.mutate({ columns: ACCOUNT_COLUMNS.filter((c) => next.includes(c)) });
  };

  return (
    <div
      className="popover-anchor"
      ref={ref}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          ref.current?.querySelector('button')?.focus();
        }
      }}
    >
      <button type="button" className="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {t('portalAccounts.chooseColumns')}
      </button>
      {open ? (
        <fieldset id={panelId} className="popover">
          <legend>{t('portalAccounts.columnsLabel')}</legend>
          {ACCOUNT_COLUMNS.map((column) => (
            <label key={column} className="checkbox">
              <input
                type="checkbox"
                checked={column === 'username' || columns.includes(column)}
                disabled={column === 'username' || save.isPending}
                onChange={(event) => toggle(column, event.target.checked)}
              />
              {t(`portalAccounts.columns.${column}`)}
            </label>
          ))}
          <ErrorAlert error={save.error} />
        </fieldset>
      ) : null}
    </div>
  );
}
