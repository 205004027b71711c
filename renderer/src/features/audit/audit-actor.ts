import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../../shared/api/audit';

/**
 * Who acted, as the audit log and a ticket's history say it: a staff user in the app, the
 * command line (signed in as one), a customer's portal account by its username, or the system.
 */
export function auditActor(t: TFunction, e: AuditEntry): string {
  if (e.via === 'cli') return e.staffName ? t('auditLog.via.cliAs', { name: e.staffName }) : t('auditLog.via.cli');
  if (e.via === 'portal') return e.accountName ? t('auditLog.via.portalAccount', { name: e.accountName }) : t('auditLog.via.portal');
  return e.staffName ?? t('auditLog.via.system');
}
