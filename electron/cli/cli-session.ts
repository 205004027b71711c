import { newSessionSlot, startSession, type SessionSlot } from '../core/auth/session';
import type { PortierCore } from '../core/portier-core';
import { findStaffByEmail } from '../core/staff/staff-repository';
import { CliFailure } from './cli-errors';

/**
 * The CLI is run by someone with the database file in hand: it acts as a local
 * administrator, signed in without a password as a real staff user, so the audit
 * log says who. `as` picks the staff user by email (an administrator or staff who
 * may grant access); without it, the active administrator with the lowest id.
 */
export async function localAdministratorSession(core: PortierCore, as?: string): Promise<SessionSlot> {
  const db = core.deps.db;
  const row = as
    ? await findStaffByEmail(db, as)
    : await db.selectFrom('staff').selectAll().where('role', '=', 'administrator').where('active', '=', 1).orderBy('id').limit(1).executeTakeFirst();
  if (!row) {
    throw new CliFailure(as ? `There is no staff user ${as}.` : 'This database has no active administrator yet. Run the first-start set-up (or seed-demo) first.');
  }
  if (row.active !== 1) throw new CliFailure(`Staff user ${row.email} is deactivated.`);
  if (row.role !== 'administrator' && row.may_grant_access !== 1) {
    throw new CliFailure(`Staff user ${row.email} may not grant portal access; use an administrator.`);
  }
  const session = newSessionSlot();
  startSession(session, row, core.deps.clock());
  // The audit log says "command line (as …)": the staff user did not act in the app.
  session.via = 'cli';
  return session;
}
