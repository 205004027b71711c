import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/api';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useForm } from '../../components/use-form';
import { useCreateAccountsForPersons } from './portal-account-queries';
import { RoleGroupChoice } from './RoleGroupChoice';

type Report = OutputOf<'portal-accounts:create-for-persons'>;

interface BulkCreateDialogProps {
  persons: readonly { id: number; name: string }[];
  /** `done`: accounts were created (the caller clears its selection). */
  onClose: (done: boolean) => void;
}

/** "Create portal accounts" for selected persons: choose groups, run, see what happened to each person. */
export function BulkCreateDialog({ persons, onClose }: BulkCreateDialogProps) {
  const { t } = useTranslation();
  const form = useForm({ roleGroupIds: [] as number[] });
  const run = useCreateAccountsForPersons();
  const [report, setReport] = useState<Report | null>(null);
  const nameOf = new Map(persons.map((p) => [p.id, p.name]));

  const onRun = async () => {
    form.clearErrors();
    try {
      setReport(await run.mutateAsync({ personIds: persons.map((p) => p.id), roleGroupIds: form.values.roleGroupIds }));
    } catch (error) {
      form.fail(error);
    }
  };

  const created = report?.filter((r) => r.outcome === 'created').length ?? 0;
  return (
    <Dialog
      title={t('portalAccounts.bulkCreateTitle', { count: persons.length })}
      onClose={() => onClose(report !== null)}
      actions={
        report ? (
          <button type="button" className="button button--primary" onClick={() => onClose(true)}>
            {t('common.dismiss')}
          </button>
        ) : (
          <>
            <button type="button" className="button button--primary" onClick={() => void onRun()} disabled={run.isPending} aria-busy={run.isPending}>
              {t('portalAccounts.bulkCreateRun')}
            </button>
            <button type="button" className="button" onClick={() => onClose(false)}>
              {t('common.cancel')}
            </button>
          </>
        )
      }
    >
      {report ? (
        <>
          <p role="status">{t('portalAccounts.bulkSummary', { created, skipped: report.length - created })}</p>
          <table className="table table--compact">
            <caption className="visually-hidden">{t('portalAccounts.bulkReport')}</caption>
            <tbody>
              {report.map((r) => (
                <tr key={r.personId}>
                  <td>{nameOf.get(r.personId) ?? r.personId}</td>
                  <td>
                    <span className={r.outcome === 'created' ? 'badge badge--ok' : 'badge'}>{t(`portalAccounts.outcomes.${r.outcome}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <>
          <p>{t('portalAccounts.bulkCreateText')}</p>
          <ErrorAlert error={form.error} />
          <RoleGroupChoice value={form.values.roleGroupIds} onChange={(ids) => form.set('roleGroupIds', ids)} error={form.fieldErrors.roleGroupIds} disabled={run.isPending} />
        </>
      )}
    </Dialog>
  );
}
