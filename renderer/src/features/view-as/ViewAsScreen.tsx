import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightHolder } from '../../../../shared/api/ticket-rights';
import { QuickLink, type ViewContact, type ViewedContact } from '../../../../shared/api/ticket-view';
import { formatTicketNumber, ticketNumberDigits } from '../../../../shared/ticket-number';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/Field';
import { Link } from '../../router/Link';
import type { Route } from '../../router/routes';
import { useTicketRights } from '../ticket-rights/ticket-rights-queries';
import { TicketBulkActions, type MenuPosition } from '../tickets/bulk/TicketBulkActions';
import { ExplainPanel } from './ExplainPanel';
import { ViewAsFilters, type ViewAsFilter } from './ViewAsFilters';
import { useOpenTicketView, useTicketsAs } from './view-as-queries';

const PAGE = 50;

/** Whose rights the contact sees through: the person's (also for an account link naming one), or the link's own. */
function holderOf(viewed: ViewedContact | undefined): RightHolder | null {
  if (!viewed) return null;
  if (viewed.personId !== null) return { personId: viewed.personId };
  return viewed.accountId !== null && viewed.organisationId !== null ? { accountId: viewed.accountId, organisationId: viewed.organisationId } : null;
}
const INITIAL: ViewAsFilter = { quickLink: 'open', search: '', sort: 'updated', direction: 'desc', offset: 0, limit: PAGE };

/**
 * "View tickets as this contact" (issue 11, point 6): the contact's list exactly as the portal
 * will show it, produced by the core's one access function; read-only. Opening is audited once.
 */
export function ViewAsScreen({ contact }: { contact: ViewContact }) {
  const { t, i18n } = useTranslation();
  const open = useOpenTicketView();
  const opened = useRef(false);
  useEffect(() => {
    // Once per opening, also under React's double effects in development.
    if (opened.current) return;
    opened.current = true;
    open.mutate({ contact });
  }, [open, contact]);
  const viewed = open.data;
  const [filter, setFilter] = useState<ViewAsFilter>(INITIAL);
  const [explaining, setExplaining] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState(false);
  // Staff's bulk actions on the contact's tickets (ordinary staff calls; the view stays read-only).
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [bulkMenuAt, setBulkMenuAt] = useState<MenuPosition | null>(null);
  const select = (ids: readonly number[], on: boolean) =>
    setSelected((before) => {
      const after = new Set(before);
      for (const id of ids) {
        if (on) after.add(id);
        else after.delete(id);
      }
      return after;
    });
  const list = useTicketsAs({ contact, ...filter });
  const holder = holderOf(viewed);
  const rights = useTicketRights(holder);
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const offset = filter.offset ?? 0;
  // "Everything the filter shows": the contact and the list's filter, resolved in the core by the same access function.
  const { offset: _offset, limit: _limit, ...listFilter } = filter;
  const bulkScope = { selection: [...selected], filtered: { kind: 'view-as' as const, viewAs: { contact, filter: listFilter }, count: total } };
  const back: Route = 'personId' in contact ? { name: 'person', id: contact.personId } : { name: 'account', id: contact.accountId };
  const name = viewed?.name ?? '';

  const whyNot = () => {
    const digits = ticketNumberDigits(typed);
    setTypedError(digits === null);
    if (digits !== null) setExplaining(Number(digits));
  };

  return (
    <section className="screen view-as">
      <h1>{viewed ? t('viewAs.title', { name }) : t('app.loading')}</h1>
      <p className="subtitle">
        <Link to={back}>{t('viewAs.back', { name: name || '…' })}</Link>
      </p>
      <ErrorAlert error={open.error} />
      {viewed ? (
        <div className="view-as__banner" role="note" aria-label={t('viewAs.title', { name })}>
          {viewed.organisationName ? t('viewAs.banner', { name, organisation: viewed.organisationName }) : t('viewAs.bannerNoOrganisation', { name })}
          {!viewed.allowed ? (
            <p>
              {t('viewAs.blocked')} {viewed.reasons.map((r) => t(`viewAs.reasons.${r}`)).join(' ')}
            </p>
          ) : null}
        </div>
      ) : null}
      <nav className="view-as__quick" aria-label={t('viewAs.quickLinks')}>
        {QuickLink.options.map((q) => (
          <button key={q} type="button" className={filter.quickLink === q ? 'button button--primary' : 'button'} aria-pressed={filter.quickLink === q} onClick={() => setFilter({ ...filter, quickLink: q, offset: 0 })}>
            {t(`viewAs.quick.${q}`)}
          </button>
        ))}
      </nav>
      <ViewAsFilters filter={filter} holder={holder} onChange={setFilter} />
      <form
        className="view-as__why-not"
        aria-label={t('viewAs.whyNotTitle')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          whyNot();
        }}
      >
        <TextField
          label={t('viewAs.ticketNumber')}
          value={typed}
          onValueChange={setTyped}
          hint={t('viewAs.ticketNumberHint')}
          aria-invalid={typedError ? true : undefined}
          maxLength={20}
        />
        {typedError ? (
          <p className="field-error" role="alert">
            {t('viewAs.invalidNumber')}
          </p>
        ) : null}
        <button type="submit" className="button">
          {t('viewAs.whyNot')}
        </button>
      </form>
      {explaining !== null ? <ExplainPanel key={explaining} contact={contact} number={explaining} rights={rights.data ?? []} onClose={() => setExplaining(null)} /> : null}
      <ErrorAlert error={list.error} />
      {list.isSuccess && total === 0 ? <p className="muted">{t('viewAs.empty')}</p> : null}
      {rows.length > 0 ? (
        <>
          <div className="toolbar">
            <p className="list-summary" aria-live="polite">
              {t('viewAs.count', { from: offset + 1, to: offset + rows.length, total })}
            </p>
            <TicketBulkActions scope={bulkScope} menuAt={bulkMenuAt} onMenuAt={setBulkMenuAt} />
          </div>
          <table className="table table--compact" aria-label={t('viewAs.title', { name })} aria-busy={list.isFetching}>
            <thead>
              <tr>
                <th scope="col" className="cell-check">
                  <input type="checkbox" aria-label={t('viewAs.selectAll')} checked={rows.every((r) => selected.has(r.id))} onChange={(e) => select(rows.map((r) => r.id), e.target.checked)} />
                </th>
                <th scope="col">{t('viewAs.columns.number')}</th>
                <th scope="col">{t('viewAs.columns.title')}</th>
                <th scope="col">{t('viewAs.columns.project')}</th>
                <th scope="col">{t('viewAs.columns.task')}</th>
                <th scope="col">{t('viewAs.columns.status')}</th>
                <th scope="col">{t('viewAs.columns.priority')}</th>
                <th scope="col">{t('viewAs.columns.assignee')}</th>
                <th scope="col">{t('viewAs.columns.updated')}</th>
                <th scope="col">{t('viewAs.columns.writable')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('viewAs.columns.why')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.number}
                  onContextMenu={(e) => {
                    e.preventDefault();
                    if (!selected.has(row.id)) select([row.id], true);
                    setBulkMenuAt({ x: e.clientX, y: e.clientY });
                  }}
                >
                  <td className="cell-check">
                    <input type="checkbox" aria-label={t('viewAs.selectOne', { number: formatTicketNumber(row.number) })} checked={selected.has(row.id)} onChange={(e) => select([row.id], e.target.checked)} />
                  </td>
                  <td className="cell-nowrap">{formatTicketNumber(row.number)}</td>
                  <td>{row.title}</td>
                  <td>{row.projectName}</td>
                  <td>{row.taskName}</td>
                  <td>{t(`viewAs.statuses.${row.status}`)}</td>
                  <td>{t(`viewAs.priorities.${row.priority}`)}</td>
                  <td>{row.assigneeName ?? ''}</td>
                  <td className="cell-nowrap">{new Date(row.updatedAt).toLocaleDateString(i18n.language)}</td>
                  <td>{row.writable ? t('viewAs.yes') : t('viewAs.no')}</td>
                  <td className="cell-actions">
                    <button type="button" className="button" aria-label={t('viewAs.whyLabel', { number: formatTicketNumber(row.number) })} onClick={() => setExplaining(row.number)}>
                      {t('viewAs.why')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row-actions">
            <button type="button" className="button" disabled={offset === 0} onClick={() => setFilter({ ...filter, offset: Math.max(0, offset - PAGE) })}>
              {t('viewAs.previous')}
            </button>
            <button type="button" className="button" disabled={offset + rows.length >= total} onClick={() => setFilter({ ...filter, offset: offset + PAGE })}>
              {t('viewAs.next')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
