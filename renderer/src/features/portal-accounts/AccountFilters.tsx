import { useTranslation } from 'react-i18next';
import { ACCOUNT_STATUSES, AccountStatus, QUICK_FILTERS } from '../../../../shared/api/portal-accounts';
import { SelectField } from '../../components/Field';
import { SearchField } from '../../components/SearchField';
import { useAccountListStore } from './account-list-store';

/** Quick filters (a row of toggle buttons), the status filter and the text search. */
export function AccountFilters() {
  const { t } = useTranslation();
  const state = useAccountListStore();
  return (
    <div className="toolbar toolbar--wrap">
      <div className="segmented" role="group" aria-label={t('portalAccounts.quickFilters')}>
        {QUICK_FILTERS.map((filter) => (
          <button
            key={filter}
            type="button"
            className="segmented__item"
            aria-pressed={state.filter === filter}
            onClick={() => state.set({ filter })}
          >
            {t(`portalAccounts.filters.${filter}`)}
          </button>
        ))}
      </div>
      <SelectField
        className="field--inline"
        label={t('portalAccounts.statusFilter')}
        value={state.status}
        options={[{ value: '', label: t('portalAccounts.anyStatus') }, ...ACCOUNT_STATUSES.map((s) => ({ value: s, label: t(`portalAccounts.statuses.${s}`) }))]}
        onValueChange={(v) => state.set({ status: v === '' ? '' : AccountStatus.catch('no_access').parse(v) })}
      />
      <SearchField value={state.search} onSearch={(search) => state.set({ search })} />
    </div>
  );
}
