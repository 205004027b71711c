import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkStepResult, PortalAccountRow } from '../../../../shared/api/portal-accounts';
import { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../api/hooks';
import { forgetDeletedRecord } from '../../api/query-client';
import { notify } from '../../components/notification-store';
import { errorMessage } from '../../i18n/error-messages';
import type { AccountTarget } from './account-target';
import { useDeleteAccount, useSetAccountActive } from './portal-account-queries';

export type BulkChange = 'deactivate' | 'reactivate' | 'delete';

export interface BulkProgress {
  done: number;
  total: number;
}

/** Accounts per step over the whole list: each is its own durable commit, so a step stays well under a second. */
const STEP = 100;

interface Tally {
  targets: number;
  done: number;
  failed: number;
  reason: string;
}

/**
 * Runs one access change over many accounts, with progress; at the end one notification
 * says how many changed and why the others did not. Accounts already in the wanted state
 * are left alone. Rows picked one by one go one call each (each is audited on its own);
 * every account the list shows goes by the list's filter, a step of accounts per call.
 */
export function useBulkAccountChange() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const setActive = useSetAccountActive();
  const remove = useDeleteAccount();
  const setActiveMatching = useChannelMutation('portal-accounts:set-active-matching');
  const removeMatching = useChannelMutation('portal-accounts:delete-matching');
  const [progress, setProgress] = useState<BulkProgress | null>(null);

  const runRows = async (change: BulkChange, rows: readonly PortalAccountRow[]): Promise<Tally> => {
    const targets = rows.filter((r) => (change === 'deactivate' ? r.active : change === 'reactivate' ? !r.active : true));
    const tally: Tally = { targets: targets.length, done: 0, failed: 0, reason: '' };
    setProgress({ done: 0, total: targets.length });
    for (const row of targets) {
      try {
        if (change === 'delete') await remove.mutateAsync({ id: row.id });
        else await setActive.mutateAsync({ id: row.id, active: change === 'reactivate' });
        tally.done += 1;
      } catch (error) {
        tally.failed += 1;
        tally.reason = errorMessage(t, error);
      }
      setProgress({ done: tally.done + tally.failed, total: targets.length });
    }
    return tally;
  };

  const runMatching = async (change: BulkChange, target: Extract<AccountTarget, { kind: 'matching' }>): Promise<Tally> => {
    const tally: Tally = { targets: 0, done: 0, failed: 0, reason: '' };
    let total = target.count;
    let seen = 0;
    setProgress({ done: 0, total });
    try {
      for (let afterId: number | null = 0; afterId !== null; ) {
        const input = { filter: target.filter, exceptIds: [...target.exceptIds], afterId, limit: STEP };
        const step: BulkStepResult = change === 'delete' ? await removeMatching.mutateAsync(input) : await setActiveMatching.mutateAsync({ ...input, active: change === 'reactivate' });
        total = step.total ?? total;
        for (const outcome of step.outcomes) {
          seen += 1;
          if (outcome.outcome === 'changed') {
            tally.done += 1;
            if (change === 'delete') forgetDeletedRecord(client, 'portal-accounts:delete', { id: outcome.accountId });
          } else if (outcome.outcome === 'failed') {
            tally.failed += 1;
            if (outcome.error) tally.reason = errorMessage(t, AppError.fromPayload(outcome.error));
          }
        }
        setProgress({ done: seen, total: Math.max(total, seen) });
        afterId = step.nextAfterId;
      }
    } catch (error) {
      // The step that failed, and those after it, did not run.
      tally.failed += Math.max(1, total - seen);
      tally.reason = errorMessage(t, error);
    }
    tally.targets = tally.done + tally.failed;
    return tally;
  };

  const run = async (change: BulkChange, target: AccountTarget): Promise<void> => {
    const { targets, done, failed, reason } = target.kind === 'rows' ? await runRows(change, target.rows) : await runMatching(change, target);
    setProgress(null);
    const only = target.kind === 'rows' && targets === 1 ? target.rows.find((r) => (change === 'deactivate' ? r.active : change === 'reactivate' ? !r.active : true)) : undefined;
    if (only && failed === 0) {
      const key = change === 'delete' ? 'deleted' : change === 'deactivate' ? 'deactivated' : 'reactivated';
      notify(t(`portalAccounts.${key}`, { name: only.username }));
    } else if (failed === 0) {
      notify(t('portalAccounts.bulkDone', { done, total: targets }));
    } else {
      notify(t('portalAccounts.bulkFailed', { failed, reason }));
    }
  };

  return { run, progress };
}
