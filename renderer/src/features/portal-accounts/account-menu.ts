import type { TFunction } from 'i18next';
import { MAX_ACTIVATION_MATCHING } from '../../../../shared/api/activation';
import type { MenuAction } from '../../components/ContextMenu';
import type { Format } from '../../i18n/format';
import type { AccountTarget } from './account-target';

export type AccountAction = 'open' | 'activate' | 'deactivate' | 'reactivate' | 'delete';

/**
 * The row actions for one account or a selection: Open (one account), Activate account,
 * Deactivate or Reactivate (whichever applies to any of them), Delete. Access changes are
 * shown but disabled, with the reason, for staff who may not grant access. A selection over
 * the whole list (rows not loaded included) offers every change: the core skips the accounts
 * a change does not apply to.
 */
export function accountMenuActions(t: TFunction, format: Format, target: AccountTarget, mayGrant: boolean, run: (action: AccountAction) => void): MenuAction[] {
  const reason = mayGrant ? undefined : t('portalAccounts.noGrantReason');
  const change = (id: Exclude<AccountAction, 'open'>, label: string, danger = false): MenuAction => ({ id, label, onSelect: () => run(id), disabled: !mayGrant, reason, ...(danger ? { danger } : {}) });
  if (target.kind === 'matching') {
    const activate = change('activate', t('portalAccounts.activation.action'));
    const tooMany = target.count > MAX_ACTIVATION_MATCHING;
    return [
      tooMany ? { ...activate, disabled: true, reason: t('portalAccounts.activation.tooMany', { shown: format.number(MAX_ACTIVATION_MATCHING) }) } : activate,
      change('deactivate', t('portalAccounts.actions.deactivate')),
      change('reactivate', t('portalAccounts.actions.reactivate')),
      change('delete', t('portalAccounts.actions.delete'), true),
    ];
  }
  const rows = target.rows;
  const actions: MenuAction[] = [];
  if (rows.length === 1) actions.push({ id: 'open', label: t('portalAccounts.actions.open'), onSelect: () => run('open') });
  // Activation is for accounts that are switched on and have no access yet (invited ones get a fresh link).
  if (rows.some((r) => r.active && ['no_access', 'invited', 'invitation_expired'].includes(r.status))) actions.push(change('activate', t('portalAccounts.activation.action')));
  if (rows.some((r) => r.active)) actions.push(change('deactivate', t('portalAccounts.actions.deactivate')));
  if (rows.some((r) => !r.active)) actions.push(change('reactivate', t('portalAccounts.actions.reactivate')));
  actions.push(change('delete', t('portalAccounts.actions.delete'), true));
  return actions;
}
