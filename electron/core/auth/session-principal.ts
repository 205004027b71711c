import type { CoreDeps } from '../context';
import type { StaffPrincipal } from '../principal';
import { sessionSettingsFromJson } from '../settings/session-settings';
import { endSession, type SessionSlot } from './session';
import { findSessionStaff } from './session-repository';

/**
 * The back office's principal: the staff user signed in to this window or tab, or null.
 * A deleted or deactivated staff user, or one whose password or role changed since this
 * sign-in (a newer security stamp), loses the session on the next call; so does one idle too long.
 */
export async function sessionPrincipal(deps: CoreDeps, session: SessionSlot): Promise<StaffPrincipal | null> {
  if (session.staffId === null) return null;
  const now = deps.clock().getTime();
  const row = await findSessionStaff(deps.db, session.staffId);
  const idleMs = sessionSettingsFromJson(row?.session_settings_json ?? null).idleMinutes * 60_000;
  const idle = session.lastSeenAt === null || now - session.lastSeenAt > idleMs;
  if (!row || row.active !== 1 || row.security_stamp !== session.stamp || idle) {
    endSession(session);
    return null;
  }
  session.lastSeenAt = now;
  return { kind: 'staff', staffId: row.id, name: row.name, role: row.role, mayGrantAccess: row.may_grant_access === 1, via: session.via ?? 'app' };
}
