import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/api/audit';

const LANGUAGE_FIELDS = new Set(['language', 'defaultLanguage']);
const REFERENCE_FIELDS = new Set(['parentId', 'organisationId']);

/** A stored value in words: yes/no, language and role names, "—" for nothing. */
function formatValue(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field === 'password') return t('audit.changedValue');
  if (LANGUAGE_FIELDS.has(field) && typeof value === 'string') return t(`languages.${value}`, { defaultValue: value });
  if (field === 'role' && typeof value === 'string') return t(`staff.roles.${value}`, { defaultValue: value });
  if (REFERENCE_FIELDS.has(field) && typeof value === 'number') return `#${value}`;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** The changed fields of one audit entry as "field: before → after" (or just the value for created/deleted). */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const isEmpty = (v: unknown) => v === null || v === undefined || v === '';
  // A created or deleted record lists only the fields that had a value; an update lists every changed field.
  const oneSided = entry.before === null || entry.after === null;
  const fields = Array.from(new Set([...Object.keys(before), ...Object.keys(after)])).filter(
    (field) => !oneSided || !isEmpty(before[field] ?? after[field]),
  );
  if (fields.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  return (
    <dl className="changes">
      {fields.map((field) => {
        const hasBefore = field in before && entry.before !== null;
        const hasAfter = field in after && entry.after !== null;
        return (
          <div key={field} className="changes__row">
            <dt>{t(`fields.${field}`, { defaultValue: field })}</dt>
            <dd>
              {hasBefore ? <span className={hasAfter ? 'changes__before' : undefined}>{formatValue(t, field, before[field])}</span> : null}
              {hasBefore && hasAfter ? <span className="changes__arrow"> → </span> : null}
              {hasAfter ? <span className="changes__after">{formatValue(t, field, after[field])}</span> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
