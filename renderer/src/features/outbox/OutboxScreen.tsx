import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATUSES, OutboxStatus, type OutboxMail } from '../../../../shared/api/outbox';
import type { StaffMember } from '../../../../shared/api/staff';
import { Pager, TableMessage } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/Field';
import { notify } from '../../components/notification-store';
import { useFormat } from '../../i18n/format';
import { Link } from '../../router/Link';
import { mayGrantAccess } from '../portal-accounts/portal-account-queries';
import { MailPreview } from './MailPreview';
import { useCancelMail, useOutbox, useRetryMail } from './outbox-queries';

const PAGE = 50;
const COLUMNS = 6;

const TONE: Record<OutboxStatus, string> = { queued: 'badge badge--info', sending: 'badge badge--info', sent: 'badge badge--ok', failed: 'badge badge--danger', cancelled: 'badge badge--off' };

/** Every mail Portier sends: its state, why it failed, a preview, and retry or cancel. */
export function OutboxScreen({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [status, setStatus] = useState<OutboxStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const outbox = useOutbox({ ...(status ? { status } : {}), offset, limit: PAGE });
  const retry = useRetryMail();
  const cancel = useCancelMail();
  const mayGrant = mayGrantAccess(me);
  const rows = outbox.data?.rows ?? [];

  const act = async (mail: OutboxMail, action: 'retry' | 'cancel') => {
    try {
      await (action === 'retry' ? retry : cancel).mutateAsync({ id: mail.id });
      notify(t(action === 'retry' ? 'outbox.retried' : 'outbox.cancelled', { to: mail.to }));
    } catch {
      // Shown above the table.
    }
  };

  return (
    <section className="screen screen--wide" aria-busy={outbox.isFetching}>
      <header className="screen__header">
        <h1>{t('outbox.title')}</h1>
      </header>
      {outbox.data && !outbox.data.smtpConfigured ? (
        <p className="notice" role="status">
          {t('outbox.noSmtp')} {me.role === 'administrator' ? <Link to={{ name: 'settings' }}>{t('outbox.configure')}</Link> : null}
        </p>
      ) : null}
      <div className="toolbar toolbar--wrap">
        <SelectField
          className="field--inline"
          label={t('outbox.status')}
          value={status}
          options={[{ value: '', label: t('outbox.anyStatus') }, ...OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))]}
          onValueChange={(v) => {
            setStatus(v === '' ? '' : OutboxStatus.catch('queued').parse(v));
            setOffset(0);
          }}
        />
      </div>
      <ErrorAlert error={outbox.error ?? retry.error ?? cancel.error} />
      <div className="page-columns">
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.columns.created')}</th>
                <th scope="col">{t('outbox.columns.to')}</th>
                <th scope="col">{t('outbox.columns.subject')}</th>
                <th scope="col">{t('outbox.status')}</th>
                <th scope="col">{t('outbox.columns.attempts')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('outbox.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {outbox.isPending ? <TableMessage colSpan={COLUMNS}>{t('app.loading')}</TableMessage> : null}
              {outbox.isSuccess && rows.length === 0 ? <TableMessage colSpan={COLUMNS}>{t('outbox.empty')}</TableMessage> : null}
              {rows.map((mail) => (
                <tr key={mail.id} className={open === mail.id ? 'grid-row--selected' : undefined}>
                  <td className="cell-nowrap">{format.dateTime(mail.createdAt)}</td>
                  <td>{mail.accountId ? <Link to={{ name: 'account', id: mail.accountId }}>{mail.to}</Link> : mail.to}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => setOpen(mail.id)}>
                      {mail.subject}
                    </button>
                    {mail.lastError ? <span className="cell-sub field-error">{mail.lastError}</span> : null}
                  </td>
                  <td>
                    <span className={TONE[mail.status]}>{t(`outbox.statuses.${mail.status}`)}</span>
                    {mail.emlWrittenAt ? <span className="cell-sub">{t('outbox.emlWritten')}</span> : null}
                  </td>
                  <td>{mail.attempts}</td>
                  <td className="cell-nowrap">
                    {mayGrant && mail.status === 'failed' ? (
                      <button type="button" className="button" onClick={() => void act(mail, 'retry')}>
                        {t('outbox.retry')}
                      </button>
                    ) : null}
                    {mayGrant && (mail.status === 'queued' || mail.status === 'failed') ? (
                      <button type="button" className="button button--ghost" onClick={() => void act(mail, 'cancel')}>
                        {t('outbox.cancel')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} limit={PAGE} total={outbox.data?.total ?? 0} onOffset={setOffset} />
        </div>
        <section className="panel" aria-label={t('outbox.preview')}>
          {open ? <MailPreview key={open} id={open} /> : <p className="muted">{t('outbox.pickOne')}</p>}
        </section>
      </div>
    </section>
  );
}
