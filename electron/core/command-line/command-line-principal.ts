import { AppError } from '../../../shared/errors';
import { findFirstActiveAdministrator } from '../auth/session-repository';
import type { CoreDeps } from '../context';
import type { StaffPrincipal } from '../principal';
import { findStaffByEmail } from '../staff/staff-repository';

/**
 * The command line's principal. Whoever runs it has the database file in hand: it acts as a
 * real staff user, without a password, so the audit log says who (and that it was the command
 * line). `as` names the staff user by email (an administrator, or staff who may grant access);
 * without it, the active administrator with the lowest id, or nobody while the database has
 * none yet (the first-start set-up is public). Looked up afresh at every call, so a user
 * deactivated or demoted meanwhile stops acting at once.
 */
export function commandLinePrincipal(as?: string): (deps: CoreDeps) => Promise<StaffPrincipal | null> {
  return async (deps) => {
    const row = as === undefined ? await findFirstActiveAdministrator(deps.db) : await findStaffByEmail(deps.db, as);
    if (!row) {
      if (as === undefined) return null;
      throw new AppError('UNAUTHENTICATED', `There is no staff user ${as}.`);
    }
    if (row.active !== 1) throw new AppError('UNAUTHENTICATED', `Staff user ${row.email} is deactivated.`);
    if (row.role !== 'administrator' && row.may_grant_access !== 1) {
      throw new AppError('FORBIDDEN', `Staff user ${row.email} may not grant portal access; use an administrator.`);
    }
    return { kind: 'staff', staffId: row.id, name: row.name, role: row.role, mayGrantAccess: row.may_grant_access === 1, via: 'cli' };
  };
}
