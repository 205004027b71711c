import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATUSES, OutboxStatus, type OutboxMail } from '../../../../shared/api/outbox';
import type { StaffMember } from '../../../../shared/api/staff';
import { SelectField } from '../../components/Field';
import { ListScreen } from '../../components/ListScreen';
import { notify } from '../../components/notification-store';
import { useFormat } from '../../i18n/format';
import { Link } from '../../router/Link';
import { mayGrantAccess } from '../portal-accounts/portal-account-queries';
import { MailPreview } from './MailPreview';
import { useCancelMail, useOutbox, useRetryMail } from './outbox-queries';

const PAGE = 50;
const column = createColumnHelper<OutboxMail>();

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

  const columns = [
    column.display({ id: 'created', header: t('outbox.columns.created'), cell: ({ row }) => format.dateTime(row.original.createdAt), meta: { className: 'cell-nowrap' } }),
    column.display({
      id: 'channel',
      header: t('outbox.columns.channel'),
      cell: ({ row: { original: mail } }) => <span className={mail.channel === 'sms' ? 'badge badge--info' : 'badge'}>{t(`outbox.channels.${mail.channel}`)}</span>,
      meta: { className: 'cell-nowrap' },
    }),
    column.display({
      id: 'to',
      header: t('outbox.columns.to'),
      cell: ({ row: { original: mail } }) => (mail.accountId ? <Link to={{ name: 'account', id: mail.accountId }}>{mail.to}</Link> : mail.to),
    }),
    column.display({
      id: 'subject',
      header: t('outbox.columns.subject'),
      cell: ({ row: { original: mail } }) => (
        <>
          <button type="button" className="link-button" onClick={() => setOpen(mail.id)}>
            {mail.subject}
          </button>
          {mail.lastError ? <span className="cell-sub field-error">{mail.lastError}</span> : null}
        </>
      ),
    }),
    column.display({
      id: 'status',
      header: t('outbox.status'),
      cell: ({ row: { original: mail } }) => (
        <>
          <span className={TONE[mail.status]}>{t(`outbox.statuses.${mail.status}`)}</span>
          {mail.emlWrittenAt ? <span className="cell-sub">{t(mail.channel === 'sms' ? 'outbox.smsFileWritten' : 'outbox.emlWritten')}</span> : null}
        </>
      ),
    }),
    column.display({ id: 'attempts', header: t('outbox.columns.attempts'), cell: ({ row }) => row.original.attempts }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">{t('outbox.columns.actions')}</span>,
      cell: ({ row: { original: mail } }) => (
        <>
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
        </>
      ),
      meta: { className: 'cell-nowrap' },
    }),
  ];

  return (
    <ListScreen
      title={t('outbox.title')}
      wide
      busy={outbox.isFetching}
      top={
        <>
          {outbox.data && !outbox.data.smtpConfigured ? (
            <p className="notice" role="status">
              {t('outbox.noSmtp')} {me.role === 'administrator' ? <Link to={{ name: 'settings' }}>{t('outbox.configure')}</Link> : null}
            </p>
          ) : null}
          {outbox.data && !outbox.data.smsGatewayConfigured && rows.some((mail) => mail.channel === 'sms') ? (
            <p className="notice" role="status">
              {t('outbox.noSmsGateway')} {me.role === 'administrator' ? <Link to={{ name: 'settings' }}>{t('outbox.configureSms')}</Link> : null}
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
        </>
      }
      error={outbox.error ?? retry.error ?? cancel.error}
      columns={columns}
      rows={rows}
      rowId={(mail) => mail.id}
      status={outbox.status}
      empty={t('outbox.empty')}
      rowClassName={(mail) => (open === mail.id ? 'grid-row--selected' : undefined)}
      paging={{ offset, limit: PAGE, total: outbox.data?.total ?? 0, onOffset: setOffset }}
      aside={
        <section className="panel" aria-label={t('outbox.preview')}>
          {open ? <MailPreview key={open} id={open} /> : <p className="muted">{t('outbox.pickOne')}</p>}
        </section>
      }
    />
  );
}
