import { useTranslation } from 'react-i18next';
import type { AuditEntity, AuditEntry } from '../../../../shared/api/audit';
import { Link } from '../../router/Link';
import type { Route } from '../../router/routes';

/** The page of a record the audit log names, for the kinds that have one. */
export function recordRoute(entity: AuditEntity, id: number): Route | null {
  switch (entity) {
    case 'organisation':
      return { name: 'organisation', id };
    case 'person':
      return { name: 'person', id };
    case 'portal-account':
      return { name: 'account', id };
    case 'role-group':
      return { name: 'role-group', id };
    case 'staff':
      return { name: 'staff-member', id };
    case 'project':
      return { name: 'project', id };
    case 'ticket':
      return { name: 'ticket', id };
    default:
      return null;
  }
}

/** The record's name as it was when the entry was written; the name links to the record while it exists. */
export function recordName(t: ReturnType<typeof useTranslation>['t'], e: AuditEntry): string | null {
  if (e.entity === 'mail-template') {
    const side = e.after ?? e.before ?? {};
    if (typeof side.type === 'string' && typeof side.language === 'string') {
      return t('auditLog.templateOf', { type: t(`mailSettings.templates.types.${side.type}`, { defaultValue: side.type }), language: t(`languages.${side.language}`) });
    }
  }
  return e.label ?? (e.entityId !== null ? `#${e.entityId}` : null);
}

/** "Organisation Brouwerij De Ster", the name a link to the record while it still exists. */
export function AuditWhat({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const name = recordName(t, entry);
  const route = entry.exists && entry.entityId !== null ? recordRoute(entry.entity, entry.entityId) : null;
  return (
    <>
      {t(`audit.entities.${entry.entity}`)}
      {name !== null ? ' ' : null}
      {name !== null && route ? <Link to={route}>{name}</Link> : name}
    </>
  );
}
