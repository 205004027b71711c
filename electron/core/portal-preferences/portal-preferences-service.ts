import type { PortalPreferences } from '../../../shared/portal-api/preferences';
import { AppError } from '../../../shared/errors';
import { changedFields, recordAudit } from '../audit/audit-log';
import type { CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import type { PortalAccountPrincipal } from '../principal';
import { findPreferences, writePreferences } from './portal-preferences-repository';

async function readPreferences(db: Executor, accountId: number): Promise<PortalPreferences> {
  const row = await findPreferences(db, accountId);
  if (!row) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return { language: row.language, notifyStatusChanges: row.notify_status_changes === 1 };
}

export const portalPreferences = (deps: CoreDeps, principal: PortalAccountPrincipal) => readPreferences(deps.db, principal.accountId);

/** The customer's own language and status-mail choice; audited on the account (the account as actor) when anything changed. */
export async function updatePortalPreferences(deps: CoreDeps, principal: PortalAccountPrincipal, next: PortalPreferences): Promise<PortalPreferences> {
  const at = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await readPreferences(trx, principal.accountId);
    const diff = changedFields(before, next);
    if (Object.keys(diff.after).length === 0) return before;
    await writePreferences(trx, principal.accountId, next, at);
    await recordAudit(trx, { at, staffId: null, entity: 'portal-account', entityId: principal.accountId, action: 'updated', ...diff });
    return readPreferences(trx, principal.accountId);
  });
}
