import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightHolder, TicketRight } from '../../../../shared/api/ticket-rights';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notify } from '../../components/notification-store';
import { AddRightForm, type PendingGrant } from './AddRightForm';
import { RightsPreview } from './RightsPreview';
import { useGrantTicketRight, useRevokeTicketRight, useTicketRights } from './ticket-rights-queries';

interface TicketRightsSectionProps {
  holder: RightHolder;
  /** The organisation whose projects the holder may get rights on. */
  organisationId: number;
  mayGrant: boolean;
  title: string;
}

function tasksOf(right: TicketRight, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (right.scope === 'one_task') return right.taskName ?? '';
  if (right.scope === 'all_tasks') return t('ticketRights.allTasks');
  return t('ticketRights.taskCount', { count: right.taskIds.length });
}

/**
 * A contact's ticket rights (issue 11, point 4): the live ones, the revoked ones folded away, and
 * an editor that collects rights to add and to revoke, previews what the contact would gain and
 * lose (point 7), and only then saves. Staff who may not grant see the rights and why not.
 */
export function TicketRightsSection({ holder, organisationId, mayGrant, title }: TicketRightsSectionProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const reasonId = useId();
  const rights = useTicketRights(holder);
  const grant = useGrantTicketRight();
  const revoke = useRevokeTicketRight();
  const [adding, setAdding] = useState(false);
  const [grants, setGrants] = useState<PendingGrant[]>([]);
  const [revokes, setRevokes] = useState<number[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const all = rights.data ?? [];
  const live = all.filter((r) => r.revokedAt === null);
  const revoked = all.filter((r) => r.revokedAt !== null);
  const changed = grants.length > 0 || revokes.length > 0;
  const day = (at: string) => new Date(at).toLocaleDateString(i18n.language);

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      // One by one, dropping each change once saved: a refusal leaves only what is still to do.
      for (const g of grants) {
        await grant.mutateAsync({ holder, ...g.right });
        setGrants((list) => list.filter((x) => x.key !== g.key));
      }
      for (const id of revokes) {
        await revoke.mutateAsync({ id });
        setRevokes((list) => list.filter((x) => x !== id));
      }
      notify(t('ticketRights.saved'));
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel panel--wide ticket-rights" aria-labelledby={headingId}>
      <header className="panel__header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="button" disabled={!mayGrant || adding} aria-describedby={mayGrant ? undefined : reasonId} onClick={() => setAdding(true)}>
          {t('ticketRights.add')}
        </button>
      </header>
      {!mayGrant ? (
        <p className="muted" id={reasonId}>
          {t('ticketRights.readOnlyReason')}
        </p>
      ) : null}
      {mayGrant ? (
        // As the Planfix manual warns against making customers auditors: no right gives a customer staff powers (the core refuses them too).
        <aside className="ticket-rights__note" role="note" aria-label={t('ticketRights.staffOnly.title')}>
          <strong>{t('ticketRights.staffOnly.title')}:</strong> {t('ticketRights.staffOnly.text')}
        </aside>
      ) : null}
      <ErrorAlert error={rights.error} />
      {rights.isSuccess && live.length === 0 ? <p className="muted">{t('ticketRights.empty')}</p> : null}
      {live.length > 0 ? (
        <table className="table table--compact" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('ticketRights.columns.project')}</th>
              <th scope="col">{t('ticketRights.columns.scope')}</th>
              <th scope="col">{t('ticketRights.columns.tasks')}</th>
              <th scope="col">{t('ticketRights.columns.readOnly')}</th>
              <th scope="col">{t('ticketRights.columns.given')}</th>
              {mayGrant ? <th scope="col"><span className="visually-hidden">{t('ticketRights.columns.actions')}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {live.map((right) => {
              const marked = revokes.includes(right.id);
              return (
                <tr key={right.id} className={marked ? 'row--marked' : undefined}>
                  <td>{right.projectName}</td>
                  <td>{t(`ticketRights.scopes.${right.scope}`)}</td>
                  <td>{tasksOf(right, t)}</td>
                  <td>{right.readOnly ? t('ticketRights.yes') : t('ticketRights.no')}</td>
                  <td className="cell-nowrap">{day(right.createdAt)}</td>
                  {mayGrant ? (
                    <td className="cell-actions">
                      {marked ? <span className="muted">{t('ticketRights.toRevoke')} </span> : null}
                      <button
                        type="button"
                        className={marked ? 'button' : 'button button--danger'}
                        aria-label={marked ? undefined : t('ticketRights.revokeLabel', { project: right.projectName })}
                        onClick={() => setRevokes((list) => (marked ? list.filter((x) => x !== right.id) : [...list, right.id]))}
                      >
                        {marked ? t('ticketRights.undoRevoke') : t('ticketRights.revoke')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {revoked.length > 0 ? (
        <details className="ticket-rights__revoked">
          <summary>{t('ticketRights.revoked', { count: revoked.length })}</summary>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('ticketRights.columns.project')}</th>
                <th scope="col">{t('ticketRights.columns.scope')}</th>
                <th scope="col">{t('ticketRights.columns.tasks')}</th>
                <th scope="col">{t('ticketRights.columns.given')}</th>
                <th scope="col">{t('ticketRights.columns.revoked')}</th>
              </tr>
            </thead>
            <tbody>
              {revoked.map((right) => (
                <tr key={right.id}>
                  <td>{right.projectName}</td>
                  <td>{t(`ticketRights.scopes.${right.scope}`)}</td>
                  <td>{tasksOf(right, t)}</td>
                  <td className="cell-nowrap">{day(right.createdAt)}</td>
                  <td className="cell-nowrap">{day(right.revokedAt ?? right.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {adding && mayGrant ? (
        <AddRightForm
          organisationId={organisationId}
          onCancel={() => setAdding(false)}
          onAdd={(g) => {
            setGrants((list) => [...list, { ...g, key: nextKey }]);
            setNextKey((k) => k + 1);
            setAdding(false);
          }}
        />
      ) : null}
      {changed && mayGrant ? (
        <div className="ticket-rights__pending">
          <h3>{t('ticketRights.pending')}</h3>
          {grants.length > 0 ? (
            <ul className="link-list">
              {grants.map((g) => (
                <li key={g.key}>
                  {t('ticketRights.pendingGrant', { project: g.projectName, scope: g.taskName ?? t(`ticketRights.scopes.${g.right.scope}`) })}
                  {g.right.readOnly ? ` (${t('ticketRights.readOnly')})` : ''}{' '}
                  <button type="button" className="button" aria-label={t('ticketRights.removeLabel', { project: g.projectName })} onClick={() => setGrants((list) => list.filter((x) => x.key !== g.key))}>
                    {t('ticketRights.remove')}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <RightsPreview input={{ holder, grant: grants.map((g) => g.right), revoke: revokes }} />
          <ErrorAlert error={saveError} />
          <div className="row-actions">
            <button type="button" className="button button--primary" disabled={saving} onClick={() => void save()}>
              {t('ticketRights.save')}
            </button>
            <button
              type="button"
              className="button"
              disabled={saving}
              onClick={() => {
                setGrants([]);
                setRevokes([]);
                setSaveError(null);
              }}
            >
              {t('ticketRights.discard')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
