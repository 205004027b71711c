import { memo, type MouseEvent } from 'react';
import type { AccountColumn, PortalAccountRow } from '../../../../shared/api/portal-accounts';
import { accountCell, type CellText } from './AccountCells';

/** How a row tells the table it was clicked, double-clicked or asked for its menu. */
export type RowEventHandler = (kind: 'click' | 'open' | 'menu', event: MouseEvent, index: number) => void;

interface AccountRowProps {
  index: number;
  domId: string;
  /** Undefined while its page is still loading. */
  row: PortalAccountRow | undefined;
  columns: readonly AccountColumn[];
  selected: boolean;
  focused: boolean;
  height: number;
  text: CellText;
  onRowEvent: RowEventHandler;
}

/**
 * One row of the account list. Memoised: a scroll step or a focus move re-renders only
 * the rows whose data, selection or focus changed, never every visible row.
 */
export const AccountRow = memo(function AccountRow({ index, domId, row, columns, selected, focused, height, text, onRowEvent }: AccountRowProps) {
  return (
    <tr
      id={domId}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`grid-row${selected ? ' grid-row--selected' : ''}${focused ? ' grid-row--focus' : ''}`}
      style={{ height }}
      onClick={(e) => onRowEvent('click', e, index)}
      onDoubleClick={(e) => onRowEvent('open', e, index)}
      onContextMenu={(e) => onRowEvent('menu', e, index)}
    >
      {row ? (
        columns.map((column) => accountCell(column, row, text))
      ) : (
        <td colSpan={columns.length} className="muted">
          {text.t('app.loading')}
        </td>
      )}
    </tr>
  );
});
