import { useTranslation } from 'react-i18next';
import type { BulkTarget } from './bulk-run';

export interface BulkScope {
  /** The ticked tickets (ids). */
  selection: readonly number[];
  /** Everything the list's filter shows: the staff list's filter, or the view-as list's (the contact and its filter). */
  filtered?: Extract<BulkTarget, { kind: 'filter' | 'view-as' }> | undefined;
}

/** The default target: the selection when there is one, else everything the filter shows. */
export const defaultTarget = (scope: BulkScope): BulkTarget => (scope.selection.length > 0 || !scope.filtered ? { kind: 'ids', ids: scope.selection } : scope.filtered);

/** "The 3 selected tickets" or "everything the filter shows (240 tickets)", when both are possible. */
export function BulkTargetChoice({ scope, target, onChange, disabled }: { scope: BulkScope; target: BulkTarget; onChange: (target: BulkTarget) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const { filtered } = scope;
  if (!filtered) return <p>{t('ticketBulk.target.selection', { count: scope.selection.length })}</p>;
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>{t('ticketBulk.target.legend')}</legend>
      <label className="checkbox">
        <input type="radio" name="bulk-target" checked={target.kind === 'ids'} disabled={scope.selection.length === 0} onChange={() => onChange({ kind: 'ids', ids: scope.selection })} />{' '}
        {t('ticketBulk.target.selection', { count: scope.selection.length })}
      </label>
      <label className="checkbox">
        <input type="radio" name="bulk-target" checked={target.kind === filtered.kind} onChange={() => onChange(filtered)} /> {t('ticketBulk.target.filter', { count: filtered.count })}
      </label>
    </fieldset>
  );
}
