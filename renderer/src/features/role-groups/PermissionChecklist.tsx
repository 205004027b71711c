import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSION_GROUPS, PERMISSIONS, type PermissionGroup, type PermissionKey } from '../../../../shared/permissions';
import { fieldErrorMessage, type AnyFieldError } from '../../i18n/error-messages';
import { isUiLanguage } from '../../i18n/i18n';
import { groupState, setGroup } from './permission-checklist';

/** The tri-state "select all" of a group: a real checkbox whose mixed state is set as a DOM property. */
function GroupToggle({ group, chosen, onChange, disabled }: { group: PermissionGroup; chosen: PermissionKey[]; onChange: (keys: PermissionKey[]) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  const state = groupState(group, chosen);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <label className="checkbox checklist__all">
      <input
        ref={ref}
        type="checkbox"
        checked={state === 'all'}
        aria-checked={state === 'some' ? 'mixed' : state === 'all'}
        disabled={disabled}
        onChange={() => onChange(setGroup(group, chosen, state !== 'all'))}
      />
      {t('roleGroups.selectAll', { group: t(`roleGroups.groups.${group}`) })}
    </label>
  );
}

interface PermissionChecklistProps {
  value: PermissionKey[];
  onChange: (keys: PermissionKey[]) => void;
  disabled: boolean;
  error?: AnyFieldError | undefined;
}

/** The permission catalog by group, with select-all per group; staff-only powers are shown, disabled, with the reason. */
export function PermissionChecklist({ value, onChange, disabled, error }: PermissionChecklistProps) {
  const { t, i18n } = useTranslation();
  const language = isUiLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <div className="checklist" aria-invalid={error ? true : undefined}>
      {PERMISSION_GROUPS.map((group) => (
        <fieldset key={group} className="fieldset checklist__group" disabled={disabled}>
          <legend>{t(`roleGroups.groups.${group}`)}</legend>
          <GroupToggle group={group} chosen={value} onChange={onChange} disabled={disabled} />
          {PERMISSIONS.filter((p) => p.group === group).map((p) => (
            <label key={p.key} className={`checkbox${p.staffOnly ? ' checkbox--staff-only' : ''}`}>
              <input
                type="checkbox"
                checked={!p.staffOnly && value.includes(p.key)}
                disabled={p.staffOnly}
                aria-describedby={p.staffOnly ? `staff-only-${p.key}` : undefined}
                onChange={(e) => onChange(e.target.checked ? [...value, p.key] : value.filter((k) => k !== p.key))}
              />
              <span>
                {p.label[language]}
                {p.staffOnly ? (
                  <span id={`staff-only-${p.key}`} className="field-hint">
                    {t('roleGroups.staffOnly')}
                  </span>
                ) : null}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      {error ? <p className="field-error">{fieldErrorMessage(t, error)}</p> : null}
    </div>
  );
}
