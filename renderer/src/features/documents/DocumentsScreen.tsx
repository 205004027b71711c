import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentRow } from '../../../../shared/api/documents';
import type { StaffMember } from '../../../../shared/api/staff';
import { call } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ListScreen } from '../../components/ListScreen';
import { notify } from '../../components/notification-store';
import { useFormat } from '../../i18n/format';
import { Link } from '../../router/Link';
import { mayGrantAccess } from '../portal-accounts/portal-account-queries';
import { openFile } from './open-file';
import { saveFile } from './save-file';
import { usePrintLetters } from './use-print-letters';

const PAGE = 50;
const column = createColumnHelper<DocumentRow>();

/** Generated letters: open one, print a selection as one PDF (postal-code order), delete. */
export function DocumentsScreen({ me }: { me: StaffMember }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [deleting, setDeleting] = useState<DocumentRow | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const documents = useQuery({
    queryKey: ['documents', 'list', offset],
    queryFn: () => call('documents:list', { offset, limit: PAGE }),
    placeholderData: keepPreviousData,
    meta: { domains: ['portal-accounts'] },
  });
  const open = useChannelMutation('documents:open');
  const printing = usePrintLetters();
  const remove = useChannelMutation('documents:delete');
  const mayGrant = mayGrantAccess(me);
  const rows = documents.data?.rows ?? [];

  const toggle = (id: number, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /** Save as: the core makes the file (audited like opening it), then the native dialog or a download. */
  const onSave = async (id: number, fileFormat: 'pdf' | 'docx') => {
    setSaveError(null);
    let file;
    try {
      file = await open.mutateAsync({ id, format: fileFormat });
    } catch {
      return; // shown as the mutation's error
    }
    try {
      if ((await saveFile(file)) === 'saved') notify(t('documents.saved'));
    } catch (error) {
      setSaveError(error);
    }
  };

  const onDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notify(t('documents.deleted'));
      toggle(deleting.id, false);
    } finally {
      setDeleting(null);
    }
  };

  const columns = [
    column.display({
      id: 'select',
      header: () => <span className="visually-hidden">{t('documents.printSelected')}</span>,
      cell: ({ row: { original: d } }) => (
        <input type="checkbox" aria-label={t('documents.select', { title: d.title })} disabled={!mayGrant} checked={selected.has(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />
      ),
      meta: { className: 'cell-check' },
    }),
    column.display({ id: 'created', header: t('documents.columns.created'), cell: ({ row }) => format.dateTime(row.original.createdAt), meta: { className: 'cell-nowrap' } }),
    column.display({
      id: 'account',
      header: t('documents.columns.account'),
      cell: ({ row: { original: d } }) => (d.accountId ? <Link to={{ name: 'account', id: d.accountId }}>{d.accountUsername ?? `#${d.accountId}`}</Link> : ''),
    }),
    column.display({
      id: 'title',
      header: t('documents.columns.title'),
      cell: ({ row: { original: d } }) => (
        <>
          {d.title}
          {d.superseded ? (
            <>
              {' '}
              <span className="badge badge--warn" title={t('documents.supersededHint')}>
                {t('documents.superseded')}
              </span>
            </>
          ) : null}
        </>
      ),
    }),
    column.display({ id: 'by', header: t('documents.columns.by'), cell: ({ row }) => row.original.createdByName ?? '' }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">{t('documents.open')}</span>,
      cell: ({ row: { original: d } }) =>
        mayGrant ? (
          <div className="row-actions">
            <button type="button" className="button" onClick={() => void open.mutateAsync({ id: d.id, format: 'pdf' }).then(openFile, () => undefined)}>
              {t('documents.open')}
            </button>
            <button type="button" className="button" onClick={() => void onSave(d.id, 'pdf')}>
              {t('documents.savePdf')}
            </button>
            <button type="button" className="button" onClick={() => void onSave(d.id, 'docx')}>
              {t('documents.saveDocx')}
            </button>
            <button type="button" className="button button--danger" onClick={() => setDeleting(d)}>
              {t('documents.delete')}
            </button>
          </div>
        ) : null,
      meta: { className: 'cell-actions' },
    }),
  ];

  return (
    <ListScreen
      title={t('documents.title')}
      busy={documents.isFetching || open.isPending || printing.busy}
      actions={
        mayGrant ? (
          <button type="button" className="button" disabled={selected.size === 0 || printing.busy} onClick={() => void printing.print([...selected])}>
            {t('documents.printSelected')} {selected.size > 0 ? `(${selected.size})` : ''}
          </button>
        ) : null
      }
      top={
        <>
          {mayGrant ? null : <p className="notice">{t('documents.noGrant')}</p>}
          {printing.progress ? (
            <p className="progress" role="status">
              <progress max={printing.progress.total} value={printing.progress.done} /> {t('documents.printing', { done: printing.progress.done, total: printing.progress.total })}
            </p>
          ) : null}
        </>
      }
      error={documents.error ?? open.error ?? printing.error ?? remove.error ?? saveError}
      columns={columns}
      rows={rows}
      rowId={(d) => d.id}
      status={documents.status}
      empty={t('documents.empty')}
      paging={{ offset, limit: PAGE, total: documents.data?.total ?? 0, onOffset: setOffset }}
    >
      {deleting ? (
        <ConfirmDialog
          title={t('documents.deleteTitle')}
          message={t('documents.deleteText', { title: deleting.title })}
          confirmLabel={t('documents.deleteTitle')}
          busy={remove.isPending}
          onConfirm={() => void onDelete()}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </ListScreen>
  );
}
