import { useTranslation } from 'react-i18next';
import { PERMISSION_GROUPS, permissionDefinition } from '../../../../shared/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isUiLanguage } from '../../i18n/i18n';
import { useEffectivePermissions } from './portal-account-queries';

/** What the account may do: the union of its groups' permissions, by catalog group, with the groups granting each. */
export function EffectivePermissions({ accountId }: { accountId: number }) {
  const { t, i18n } = useTranslation();
  const query = useEffectivePermissions(accountId);
  const language = isUiLanguage(i18n.language) ? i18n.language : 'en';
  const permissions = query.data ?? [];
  return (
    <section className="panel" aria-labelledby="effective-permissions">
      <h2 id="effective-permissions">{t('portalAccounts.effective')}</h2>
      <p className="field-hint">{t('portalAccounts.effectiveHint')}</p>
      <ErrorAlert error={query.error} />
      {query.isSuccess && permissions.length === 0 ? <p className="muted">{t('portalAccounts.noPermissions')}</p> : null}
      {PERMISSION_GROUPS.map((group) => {
        const inGroup = permissions.filter((p) => permissionDefinition(p.key)?.group === group);
        if (inGroup.length === 0) return null;
        return (
          <dl key={group} className="permission-list">
            {inGroup.map((p) => (
              <div key={p.key} className="permission-list__row">
                <dt>{permissionDefinition(p.key)?.label[language] ?? p.key}</dt>
                <dd className="muted">{t('portalAccounts.grantedBy', { groups: p.grantedBy.map((g) => g.name).join(', ') })}</dd>
              </div>
            ))}
          </dl>
        );
      })}
    </section>
  );
}
