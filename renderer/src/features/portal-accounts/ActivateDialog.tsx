import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../shared/api';
import { MAX_ACTIVATION_MATCHING } from '../../../../shared/api/activation';
import { isAppError } from '../../../../shared/errors';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { useChannelMutation } from '../../api/hooks';
import { useFormat } from '../../i18n/format';
import { navigate } from '../../router/use-route';
import { useActivationSettings } from '../mail-settings/mail-settings-queries';

type Report = OutputOf<'portal-accounts:send-activation'>;

/** Who to activate: accounts picked one by one, or every account the list shows but some (with its count, if known). */
export type ActivationAccounts = { ids: readonly number[] } | { matching: InputOf<'portal-accounts:preview-activation-matching'>; count?: number };

/**
 * Accounts per request: each request is one durable commit (a sync to disk), so fewer,
 * larger requests are much quicker; 100 activations still take well under a second,
 * which keeps the progress steady and Cancel prompt.
 */
const CHUNK = 100;

/**
 * "Activate account" for one or many accounts: first what will happen (addresses,
 * languages, who is skipped and why), then, once confirmed, the activations in chunks
 * with progress and a Cancel that stops after the current chunk, then the result.
 */
export function ActivateDialog({ accounts, onClose }: { accounts: ActivationAccounts; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const preview = useQuery({
    queryKey: ['portal-accounts', 'activation-preview', accounts],
    queryFn: async () => {
      // The whole list's accounts: the core finds them from the list's filter.
      if ('matching' in accounts) return call('portal-accounts:preview-activation-matching', accounts.matching);
      // The core previews at most 1,000 chosen accounts at a time.
      const ids = accounts.ids;
      const all = [];
      for (let i = 0; i < ids.length; i += 1000) all.push(...(await call('portal-accounts:preview-activation', { ids: ids.slice(i, i + 1000) })));
      return all;
    },
  });
  const count = preview.data?.length ?? ('matching' in accounts ? accounts.count : accounts.ids.length);
  // More accounts than one run may hold: said plainly, not as "check the marked fields" (there are none).
  const tooMany = isAppError(preview.error) && preview.error.fields?.filter?.code === 'too_many';
  const send = useChannelMutation('portal-accounts:send-activation');
  // Without a portal address every link would lead nowhere; the core refuses too.
  const settings = useActivationSettings();
  const noPortalAddress = settings.data?.portalUrl === '';
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const cancelled = useRef(false);
  const rows = preview.data ?? [];
  const eligible = rows.filter((r) => r.outcome === 'sent');
  const skipped = rows.filter((r) => r.outcome !== 'sent');
  const notSent = report?.filter((r) => r.outcome !== 'sent') ?? [];
  const languageName = (code: string) => new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;

  const onConfirm = async () => {
    cancelled.current = false;
    const ids = eligible.map((r) => r.accountId);
    const done: Report = [];
    setProgress({ done: 0, total: ids.length });
    try {
      for (let i = 0; i < ids.length && !cancelled.current; i += CHUNK) {
        done.push(...(await send.mutateAsync({ ids: ids.slice(i, i + CHUNK) })));
        setProgress({ done: done.length, total: ids.length });
      }
    } catch {
      // The error is shown in the dialog; what was sent stays sent.
    }
    setProgress(null);
    setReport(done);
    const sent = done.filter((r) => r.outcome === 'sent').length;
    notify(t('portalAccounts.activation.done', { count: sent }));
  };

  const busy = progress !== null;
  return (
    <Dialog
      title={count === undefined ? t('portalAccounts.activation.titleMany') : t('portalAccounts.activation.title', { count })}
      onClose={busy ? () => (cancelled.current = true) : onClose}
      actions={
        report ? (
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('common.dismiss')}
          </button>
        ) : busy ? (
          <button type="button" className="button" onClick={() => (cancelled.current = true)}>
            {t('common.cancel')}
          </button>
        ) : (
          <>
            {noPortalAddress ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  onClose();
                  navigate({ name: 'settings' });
                }}
              >
                {t('portalAccounts.activation.openSettings')}
              </button>
            ) : null}
            <button type="button" className="button button--primary" disabled={eligible.length === 0 || noPortalAddress} onClick={() => void onConfirm()}>
              {t('portalAccounts.activation.confirm', { count: eligible.length })}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </>
        )
      }
    >
      {tooMany ? (
        <p className="alert alert--error" role="alert">
          {t('portalAccounts.activation.tooMany', { shown: format.number(MAX_ACTIVATION_MATCHING) })}
        </p>
      ) : (
        <ErrorAlert error={preview.error ?? send.error} />
      )}
      {noPortalAddress && !report ? (
        <p className="alert" role="alert">
          {t('portalAccounts.activation.noPortalAddress')}
        </p>
      ) : null}
      {preview.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {report ? (
        <>
          <p role="status">{t('portalAccounts.activation.result', { sent: report.filter((r) => r.outcome === 'sent').length, total: eligible.length })}</p>
          {notSent.length > 0 ? (
            <>
              <p>{t('portalAccounts.activation.notSentCount', { count: notSent.length })}</p>
              <ul className="plain-list dialog-list" aria-label={t('portalAccounts.activation.notSent')}>
                {notSent.map((r) => (
                  <li key={r.accountId}>
                    {rows.find((p) => p.accountId === r.accountId)?.username || `#${r.accountId}`}{' '}
                    <span className={r.outcome === 'failed' ? 'field-error' : 'muted'}>· {t(`portalAccounts.activation.reasons.${r.outcome}`)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : busy ? (
        <p className="progress" role="status">
          <progress max={progress.total} value={progress.done} /> {t('portalAccounts.bulkProgress', { done: progress.done, total: progress.total })}
        </p>
      ) : preview.isSuccess ? (
        <>
          <p>{t('portalAccounts.activation.intro', { count: eligible.length })}</p>
          {eligible.length > 0 ? (
            <ul className="plain-list dialog-list">
              {eligible.map((r) => (
                <li key={r.accountId}>
                  {r.username} <span className="muted">· {languageName(r.language)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {skipped.length > 0 ? (
            <>
              <p>{t('portalAccounts.activation.skipped', { count: skipped.length })}</p>
              <ul className="plain-list dialog-list">
                {skipped.map((r) => (
                  <li key={r.accountId}>
                    {r.username || `#${r.accountId}`} <span className="muted">· {t(`portalAccounts.activation.reasons.${r.outcome}`)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}
