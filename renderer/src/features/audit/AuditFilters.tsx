import { useTranslation } from 'react-i18next';
import { AUDIT_ENTITIES, AuditEntity } from '../../../../shared/api/audit';
import { SelectField, TextField } from '../../components/Field';
import { useStaffList } from '../staff/staff-queries';
import { useAuditFilters } from './audit-filter-store';

/** Filters by entity (unless the screen shows one record's history), staff member and day range; they apply as soon as they change. */
export function AuditFilters({ withEntity = true }: { withEntity?: boolean }) {
  const { t } = useTranslation();
  const filters = useAuditFilters();
  // Staff offices are small: one page of 500 names covers the select.
  const staff = useStaffList({ search: '', sort: 'name', direction: 'asc', offset: 0, limit: 500 });
  const all = { value: '', label: t('audit.all') };
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t('audit.filters')}</legend>
      {withEntity ? (
        <SelectField
          label={t('fields.entity')}
          value={filters.entity}
          options={[all, ...AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))]}
          onValueChange={(v) => filters.setFilter('entity', v === '' ? '' : AuditEntity.catch('staff').parse(v))}
        />
      ) : null}
      <SelectField
        label={t('fields.staffMember')}
        value={filters.staffId}
        options={[all, ...(staff.data?.rows ?? []).map((m) => ({ value: String(m.id), label: m.name }))]}
        onValueChange={(v) => filters.setFilter('staffId', v)}
      />
      <TextField label={t('fields.from')} type="date" value={filters.from} onValueChange={(v) => filters.setFilter('from', v)} max={filters.to || undefined} />
      <TextField label={t('fields.to')} type="date" value={filters.to} onValueChange={(v) => filters.setFilter('to', v)} min={filters.from || undefined} />
    </fieldset>
  );
}
