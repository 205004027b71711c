import type { CoreDeps } from '../context';
import type { CallNature } from '../dispatch';
import type { StaffPrincipal } from '../principal';
import { sessionSettingsFromJson } from '../settings/session-settings';
import { endSession, type SessionSlot } from './session';
import { findSessionStaff } from './session-repository';

/**
 * The back office's principal: the staff user signed in to this window or tab, or null.
 * A deleted or deactivated staff user, or one whose password or role changed since this
 * sign-in (a newer security stamp), loses the session on the next call; so does one idle too long.
 * Only attended calls count as the user being there (CallNature): refreshes the screen makes by
 * itself are answered without moving the idle clock.
 */
export async function sessionPrincipal(deps: CoreDeps, session: SessionSlot, nature: CallNature = {}): Promise<StaffPrincipal | null> {
  if (session.staffId === null) return null;
  const now = deps.clock().getTime();
  const held = heldPrincipals.get(session);
  if (held && held.staffId === session.staffId && held.stamp === session.stamp) {
    if (!nature.unattended) session.lastSeenAt = now;
    return held.principal;
  }
  const row = await findSessionStaff(deps.db, session.staffId);
  const idleMs = sessionSettingsFromJson(row?.session_settings_json ?? null).idleMinutes * 60_000;
  const idle = session.lastSeenAt === null || now - session.lastSeenAt > idleMs;
  if (!row || row.active !== 1 || row.security_stamp !== session.stamp || idle) {
    endSession(session);
    return null;
  }
  if (!nature.unattended) session.lastSeenAt = now;
  return { kind: 'staff', staffId: row.id, name: row.name, role: row.role, mayGrantAccess: row.may_grant_access === 1, via: session.via ?? 'app' };
}

interface HeldPrincipal {
  principal: StaffPrincipal;
  staffId: number | null;
  stamp: number | null;
}

const heldPrincipals = new WeakMap<SessionSlot, HeldPrincipal>();

/**
 * While a background job's transaction holds the database (a bulk ticket action), every other
 * call's query waits for it, the sign-in check above too: the screen could not even ask how far
 * the job is. So the job's own sign-in is taken as checked by the call that started it, until
 * release() (the job's end): a check a moment old, as every call's handler works with, and
 * nobody can change the staff row meanwhile (the job holds SQLite's write lock). Signing out,
 * or a newer sign-in on the slot, ends it at once.
 */
export function holdSessionPrincipal(session: SessionSlot, principal: StaffPrincipal): () => void {
  const held: HeldPrincipal = { principal, staffId: session.staffId, stamp: session.stamp };
  heldPrincipals.set(session, held);
  return () => {
    if (heldPrincipals.get(session) === held) heldPrincipals.delete(session);
  };
}
