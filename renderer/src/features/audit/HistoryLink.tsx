import { useTranslation } from 'react-i18next';
import type { AuditEntity } from '../../../../shared/api/audit';
import { Link } from '../../router/Link';
import { useCurrentStaff } from '../session/session-queries';

/** "History": the audit log filtered to this record; only administrators may read the audit log, so only they see it. */
export function HistoryLink({ entity, id }: { entity: AuditEntity; id: number }) {
  const { t } = useTranslation();
  const me = useCurrentStaff();
  if (me.data?.role !== 'administrator') return null;
  return (
    <p className="subtitle">
      <Link to={{ name: 'audit', record: { entity, id } }}>{t('auditLog.history')}</Link>
    </p>
  );
}
