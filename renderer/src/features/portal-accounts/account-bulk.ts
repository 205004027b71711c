import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalAccountRow } from '../../../../shared/api/portal-accounts';
import { notify } from '../../components/notification-store';
import { errorMessage } from '../../i18n/error-messages';
import { useDeleteAccount, useSetAccountActive } from './portal-account-queries';

export type BulkChange = 'deactivate' | 'reactivate' | 'delete';

export interface BulkProgress {
  done: number;
  total: number;
}

/**
 * Runs one access change over many accounts, one call each (each is audited on its
 * own), with progress; at the end one notification says how many changed and why the
 * others did not. Accounts already in the wanted state are left alone.
 */
export function useBulkAccountChange() {
  const { t } = useTranslation();
  const setActive = useSetAccountActive();
  const remove = useDeleteAccount();
  const [progress, setProgress] = useState<BulkProgress | null>(null);

  const run = async (change: BulkChange, rows: readonly PortalAccountRow[]): Promise<void> => {
    const targets = rows.filter((r) => (change === 'deactivate' ? r.active : change === 'reactivate' ? !r.active : true));
    let done = 0;
    let failed = 0;
    let reason = '';
    setProgress({ done: 0, total: targets.length });
    for (const row of targets) {
      try {
        if (change === 'delete') await remove.mutateAsync({ id: row.id });
        else await setActive.mutateAsync({ id: row.id, active: change === 'reactivate' });
        done += 1;
      } catch (error) {
        failed += 1;
        reason = errorMessage(t, error);
      }
      setProgress({ done: done + failed, total: targets.length });
    }
    setProgress(null);
    const only = targets[0];
    if (targets.length === 1 && only && failed === 0) {
      const key = change === 'delete' ? 'deleted' : change === 'deactivate' ? 'deactivated' : 'reactivated';
      notify(t(`portalAccounts.${key}`, { name: only.username }));
    } else if (failed === 0) {
      notify(t('portalAccounts.bulkDone', { done, total: targets.length }));
    } else {
      notify(t('portalAccounts.bulkFailed', { failed, reason }));
    }
  };

  return { run, progress };
}
