import type { TFunction } from 'i18next';
import type { PortalAccountRow } from '../../../../shared/api/portal-accounts';
import type { MenuAction } from '../../components/ContextMenu';

export type AccountAction = 'open' | 'activate' | 'deactivate' | 'reactivate' | 'delete';

/**
 * The row actions for one account or a selection: Open (one account), Activate account,
 * Deactivate or
 * Reactivate (whichever applies to any of them), Delete. Access changes are shown but
 * disabled, with the reason, for staff who may not grant access.
 */
export function accountMenuActions(t: TFunction, rows: readonly PortalAccountRow[], mayGrant: boolean, run: (action: AccountAction) => void): MenuAction[] {
  const reason = mayGrant ? undefined : t('portalAccounts.noGrantReason');
  const actions: MenuAction[] = [];
  if (rows.length === 1) actions.push({ id: 'open', label: t('portalAccounts.actions.open'), onSelect: () => run('open') });
  // Activation is for accounts that are switched on and have no access yet (invited ones get a fresh link).
  if (rows.some((r) => r.active && ['no_access', 'invited', 'invitation_expired'].includes(r.status))) {
    actions.push({ id: 'activate', label: t('portalAccounts.activation.action'), onSelect: () => run('activate'), disabled: !mayGrant, reason });
  }
  if (rows.some((r) => r.active)) actions.push({ id: 'deactivate', label: t('portalAccounts.actions.deactivate'), onSelect: () => run('deactivate'), disabled: !mayGrant, reason });
  if (rows.some((r) => !r.active)) actions.push({ id: 'reactivate', label: t('portalAccounts.actions.reactivate'), onSelect: () => run('reactivate'), disabled: !mayGrant, reason });
  actions.push({ id: 'delete', label: t('portalAccounts.actions.delete'), onSelect: () => run('delete'), disabled: !mayGrant, reason, danger: true });
  return actions;
}
