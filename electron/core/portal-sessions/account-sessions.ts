import type { PortalSessionView } from '../../../shared/api/portal-account-sessions';
import { AppError } from '../../../shared/errors';
import { findAccountState } from '../activation/activation-repository';
import { recordAudit } from '../audit/audit-log';
import type { Actor, CoreDeps } from '../context';
import type { Executor } from '../db/connection';
import { readSessionSettings } from '../settings/session-settings';
import { deletePortalSessionsOfAccount, findSessionsOfAccount } from './portal-session-repository';

// The staff side of portal sessions: the account page lists them and ends them all.

const accountNotFound = (id: number) => new AppError('NOT_FOUND', `Portal account ${id} does not exist.`, { fields: { id: { code: 'not_found' } } });

/** The sessions that would still let the customer in now: what liveSession accepts at the next request. */
async function openSessions(db: Executor, accountId: number, now: Date) {
  const { portalIdleMinutes } = await readSessionSettings(db);
  return findSessionsOfAccount(db, accountId, now.toISOString(), new Date(now.getTime() - portalIdleMinutes * 60_000).toISOString());
}

/** The account's open portal sessions, most recently used first. */
export async function sessionsOfAccount(deps: CoreDeps, accountId: number): Promise<PortalSessionView[]> {
  if (!(await findAccountState(deps.db, accountId))) throw accountNotFound(accountId);
  const rows = await openSessions(deps.db, accountId, deps.clock());
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    startedAt: r.createdAt,
    lastUsedAt: r.lastSeenAt,
    endsAt: r.expiresAt,
    clientAddress: r.clientAddress,
    userAgent: r.userAgent,
  }));
}

/**
 * "End all sessions": every session row of the account is deleted (the customer's next request
 * finds none and shows the sign-in page); the account, its password and its stamp stay as they
 * are. Audited with the number of sessions that were open, also when there were none: staff
 * asked for it.
 */
export async function endSessionsOfAccount(deps: CoreDeps, actor: Actor, accountId: number): Promise<{ ended: number }> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await findAccountState(trx, accountId))) throw accountNotFound(accountId);
    const now = deps.clock();
    const open = await openSessions(trx, accountId, now);
    await deletePortalSessionsOfAccount(trx, accountId);
    await recordAudit(trx, { at: now.toISOString(), staffId: actor.id, entity: 'portal-account', entityId: accountId, action: 'sessions-ended', after: { sessionsEnded: open.length } });
    return { ended: open.length };
  });
}
