import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/api/audit';
import { isUiLanguage } from '../../i18n/i18n';
import { useFormat } from '../../i18n/format';
import { formatDay } from '../hours/hours-format';
import { formatAuditValue } from './audit-values';

/**
 * The changed fields of one audit entry as "field: before → after" (or just the value for
 * created/deleted); HIDE leaves out fields the page says already (a time entry's ticket on that ticket's page).
 */
export function AuditChanges({ entry, hide }: { entry: AuditEntry; hide?: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = isUiLanguage(i18n.language) ? i18n.language : 'en';
  const f = { t, language, dateTime: format.dateTime, day: (day: string) => formatDay(day, language) } as const;
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const isEmpty = (v: unknown) => v === null || v === undefined || v === '';
  // A created or deleted record lists only the fields that had a value; an update lists every changed field.
  const oneSided = entry.before === null || entry.after === null;
  const fields = Array.from(new Set([...Object.keys(before), ...Object.keys(after)])).filter(
    (field) => !hide?.includes(field) && (!oneSided || !isEmpty(before[field] ?? after[field])),
  );
  if (fields.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  return (
    <dl className="changes">
      {fields.map((field) => {
        const hasBefore = field in before && entry.before !== null;
        const hasAfter = field in after && entry.after !== null;
        return (
          <div key={field} className="changes__row">
            <dt>{entry.entity === 'ticket' && field === 'internal' ? t('tickets.history.internalComment') : t(`auditLog.fields.${field}`, { defaultValue: field })}</dt>
            <dd>
              {hasBefore ? <span className={hasAfter ? 'changes__before' : undefined}>{formatAuditValue(f, entry, field, before[field])}</span> : null}
              {hasBefore && hasAfter ? <span className="changes__arrow"> → </span> : null}
              {hasAfter ? <span className="changes__after">{formatAuditValue(f, entry, field, after[field])}</span> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
