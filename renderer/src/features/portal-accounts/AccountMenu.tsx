import { useTranslation } from 'react-i18next';
import { ContextMenu } from '../../components/ContextMenu';
import { useFormat } from '../../i18n/format';
import { accountMenuActions, type AccountAction } from './account-menu';
import { targetCount, type AccountTarget } from './account-target';

interface AccountMenuProps {
  x: number;
  y: number;
  target: AccountTarget;
  mayGrant: boolean;
  onAction: (action: AccountAction, target: AccountTarget) => void;
  onClose: () => void;
}

/** The account list's context menu, for one account or a selection. */
export function AccountMenu({ x, y, target, mayGrant, onAction, onClose }: AccountMenuProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const only = target.kind === 'rows' && target.rows.length === 1 ? target.rows[0] : undefined;
  const label = only ? t('portalAccounts.rowMenu', { name: only.username }) : t('portalAccounts.selectionMenu', { count: targetCount(target) });
  return <ContextMenu label={label} x={x} y={y} onClose={onClose} actions={accountMenuActions(t, format, target, mayGrant, (action) => onAction(action, target))} />;
}
