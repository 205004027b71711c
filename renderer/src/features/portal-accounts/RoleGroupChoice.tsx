import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrorMessage, type AnyFieldError } from '../../i18n/error-messages';
import { roleGroupDescription } from '../role-groups/role-group-description';
import { useRoleGroups } from '../role-groups/role-group-queries';

/** The account's role groups as checkboxes, each with its description. */
export function RoleGroupChoice({ value, onChange, error, disabled }: { value: number[]; onChange: (ids: number[]) => void; error?: AnyFieldError | undefined; disabled: boolean }) {
  const { t } = useTranslation();
  const groups = useRoleGroups();
  return (
    <fieldset className="fieldset" disabled={disabled} aria-invalid={error ? true : undefined}>
      <legend>{t('portalAccounts.roleGroups')}</legend>
      <p className="field-hint">{t('portalAccounts.roleGroupsHint')}</p>
      <ErrorAlert error={groups.error} />
      {(groups.data ?? []).map((group) => (
        <label key={group.id} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(group.id)}
            onChange={(e) => onChange(e.target.checked ? [...value, group.id] : value.filter((id) => id !== group.id))}
          />
          <span>
            {group.name}
            {group.description ? <span className="muted"> — {roleGroupDescription(t, group)}</span> : null}
          </span>
        </label>
      ))}
      {error ? <p className="field-error">{fieldErrorMessage(t, error)}</p> : null}
    </fieldset>
  );
}
