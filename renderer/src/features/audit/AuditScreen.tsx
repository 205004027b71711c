import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Pager, TableMessage } from '../../components/DataTable';
import { PAGE_SIZE } from '../../components/list-state';
import { useFormat } from '../../i18n/format';
import { Link } from '../../router/Link';
import type { AuditRecordRef } from '../../router/routes';
import { AuditChanges } from './AuditChanges';
import { auditActor } from './audit-actor';
import { AuditWhat, recordName } from './AuditWhat';
import { useAuditFilters, type AuditFilters as Filters } from './audit-filter-store';
import { useAuditLog, type AuditQuery } from './audit-queries';
import { AuditFilters } from './AuditFilters';

const COLUMNS = 5;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Only complete filters go to the core; a half-typed date is simply not applied yet. */
function toQuery(f: Filters, record: AuditRecordRef | undefined): AuditQuery {
  return {
    ...(record ? { entity: record.entity, entityId: record.id } : f.entity ? { entity: f.entity } : {}),
    ...(f.staffId ? { staffId: Number(f.staffId) } : {}),
    ...(DAY.test(f.from) ? { from: f.from } : {}),
    ...(DAY.test(f.to) ? { to: f.to } : {}),
    offset: f.offset,
    limit: PAGE_SIZE,
  };
}

/** Who changed what and when (administrators only); newest first, as the core returns it. With a record: only its history. */
export function AuditScreen({ record }: { record?: AuditRecordRef }) {
  const { t } = useTranslation();
  const format = useFormat();
  const filters = useAuditFilters();
  const query = useAuditLog(toQuery(filters, record));
  const rows = query.data?.rows ?? [];
  const first = rows[0];
  const recordWhat = record ? `${t(`audit.entities.${record.entity}`)} ${(first ? recordName(t, first) : null) ?? `#${record.id}`}` : null;

  return (
    <section className="screen" aria-busy={query.isFetching}>
      <header className="screen__header">
        <h1>{t('audit.title')}</h1>
      </header>
      {recordWhat !== null ? (
        <p className="filters">
          {t('auditLog.onlyRecord', { what: recordWhat })} <Link to={{ name: 'audit' }}>{t('auditLog.showAll')}</Link>
        </p>
      ) : null}
      <AuditFilters withEntity={!record} />
      <ErrorAlert error={query.error} />
      <div className="table-wrap">
        <table className="table table--audit">
          <caption className="visually-hidden">{t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.columns.at')}</th>
              <th scope="col">{t('audit.columns.who')}</th>
              <th scope="col">{t('audit.columns.what')}</th>
              <th scope="col">{t('audit.columns.action')}</th>
              <th scope="col">{t('audit.columns.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {query.isPending ? <TableMessage colSpan={COLUMNS}>{t('app.loading')}</TableMessage> : null}
            {query.isSuccess && rows.length === 0 ? <TableMessage colSpan={COLUMNS}>{t('audit.empty')}</TableMessage> : null}
            {rows.map((e) => (
              <tr key={e.id}>
                <td className="cell-nowrap">
                  <time dateTime={e.at}>{format.dateTime(e.at)}</time>
                </td>
                <td>{auditActor(t, e)}</td>
                <td className="cell-nowrap">
                  <AuditWhat entry={e} />
                </td>
                <td>{t(`auditLog.actions.${e.action}`, { defaultValue: e.action })}</td>
                <td>
                  <AuditChanges entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager offset={filters.offset} limit={PAGE_SIZE} total={query.data?.total ?? 0} onOffset={filters.setOffset} />
    </section>
  );
}
