import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContextMenu } from '../../../components/ContextMenu';
import { BulkUpdateDialog } from './BulkUpdateDialog';
import type { BulkScope } from './BulkTargetChoice';
import type { BulkUpdateAction } from './BulkChangeFields';
import { MoveTicketsDialog } from './MoveTicketsDialog';

const UPDATE_ACTIONS: readonly BulkUpdateAction[] = ['status', 'priority', 'assignee', 'contact', 'categories', 'secondary'];

export interface MenuPosition {
  x: number;
  y: number;
}

interface TicketBulkActionsProps {
  scope: BulkScope;
  /** Where the menu is open (from the button, a row's context menu or its menu key); null: closed. */
  menuAt: MenuPosition | null;
  onMenuAt: (at: MenuPosition | null) => void;
}

/**
 * The "Bulk actions" button and menu of a ticket list and the dialog of the action chosen.
 * Staff act as staff here, also from the view-as list (which itself stays read-only).
 */
export function TicketBulkActions({ scope, menuAt, onMenuAt }: TicketBulkActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<BulkUpdateAction | 'move' | null>(null);
  // The dialog keeps the scope it was opened with: the list may change underneath it.
  const [openScope, setOpenScope] = useState<BulkScope>(scope);
  const closeMenu = useCallback(() => onMenuAt(null), [onMenuAt]);
  const none = scope.selection.length === 0 && !scope.filtered?.count;
  const choose = (action: BulkUpdateAction | 'move') => {
    setOpenScope(scope);
    setOpen(action);
  };
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={menuAt !== null}
        disabled={none}
        onClick={(e) => {
          const rect = e.currentTarget.getBoundingClientRect();
          onMenuAt({ x: rect.left, y: rect.bottom });
        }}
      >
        {t('ticketBulk.menu')}
      </button>
      {menuAt ? (
        <ContextMenu
          label={t('ticketBulk.menuLabel')}
          x={menuAt.x}
          y={menuAt.y}
          onClose={closeMenu}
          actions={[...UPDATE_ACTIONS, 'move' as const].map((action) => ({ id: action, label: t(`ticketBulk.actions.${action}`), onSelect: () => choose(action) }))}
        />
      ) : null}
      {open === 'move' ? <MoveTicketsDialog scope={openScope} onClose={() => setOpen(null)} /> : open ? <BulkUpdateDialog action={open} scope={openScope} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
