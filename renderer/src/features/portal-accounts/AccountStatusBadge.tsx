import { useTranslation } from 'react-i18next';
import type { AccountStatus } from '../../../../shared/api/portal-accounts';

/** The badge class of each status (the list's cells use it without a hook per row). */
export const STATUS_BADGE_CLASS: Record<AccountStatus, string> = {
  no_access: 'badge',
  invited: 'badge badge--info',
  invitation_expired: 'badge badge--warn',
  active: 'badge badge--ok',
  deactivated: 'badge badge--off',
  locked: 'badge badge--danger',
};

/** An account's status as a translated, coloured label (colour is never the only cue: the text says it). */
export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return <span className={STATUS_BADGE_CLASS[status]}>{t(`portalAccounts.statuses.${status}`)}</span>;
}
