import { hashToken } from '../activation/account-secrets';
import type { SessionSlot } from '../auth/session';
import type { CoreDeps } from '../context';
import type { PortalAccountPrincipal } from '../principal';
import { readThrough } from '../db/read-cache';
import { readSessionSettings } from '../settings/session-settings';
import { actingChoices } from './portal-acting';
import { deletePortalSession, findPortalSession, touchPortalSession } from './portal-session-repository';

/** A session's last use is written at most this often: a page's several calls cost one write, not one each. */
const TOUCH_EVERY_MS = 30_000;

/** The session row behind the slot's cookie, when it still stands: not idle or past its end, account active, stamp unchanged. */
export async function liveSession(deps: CoreDeps, session: SessionSlot) {
  const token = session.portal?.token;
  if (!token) return null;
  const row = await findPortalSession(deps.db, hashToken(token));
  if (!row) return null;
  const now = deps.clock();
  const { portalIdleMinutes } = await readSessionSettings(deps.db);
  const idle = now.getTime() - Date.parse(row.lastSeenAt) > portalIdleMinutes * 60_000;
  const over = Date.parse(row.expiresAt) <= now.getTime();
  if (idle || over || row.active !== 1 || row.passwordHash === null || row.accountStamp !== row.sessionStamp) {
    await deletePortalSession(deps.db, row.id);
    return null;
  }
  if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) await touchPortalSession(deps.db, row.id, now.toISOString());
  return row;
}

/**
 * The portal's principal: the account signed in through the slot's session, acting for the
 * session's organisation (and person), or null. The acting organisation is checked against the
 * account's links at every call: a link removed by staff stops the acting at once.
 */
export async function portalPrincipal(deps: CoreDeps, session: SessionSlot): Promise<PortalAccountPrincipal | null> {
  const token = session.portal?.token;
  if (!token) return null;
  // Every page's calls ask again: answered again until the database changes (read-cache.ts), at most a few seconds.
  return readThrough(deps, `portal-principal:${hashToken(token)}`, () => resolvePortalPrincipal(deps, session));
}

async function resolvePortalPrincipal(deps: CoreDeps, session: SessionSlot): Promise<PortalAccountPrincipal | null> {
  const row = await liveSession(deps, session);
  if (!row || row.stage !== 'signed-in' || row.organisationId === null) return null;
  const choices = await actingChoices(deps.db, row.accountId);
  const acting = choices.find((c) => c.organisationId === row.organisationId && c.personId === row.personId);
  if (!acting) return null;
  return { kind: 'portal-account', accountId: row.accountId, organisationId: acting.organisationId, personId: acting.personId };
}
